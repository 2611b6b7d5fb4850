"""dipgraph.graph"""
