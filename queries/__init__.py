"""dipgraph.queries"""
