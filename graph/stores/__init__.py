"""dipgraph.graph.stores"""
