"""dipgraph.loaders"""
