"""dipgraph.loaders.extract"""
