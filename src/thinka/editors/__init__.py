"""Tools for editors: the ``thinka`` command line and the scaffolding of new sites and contact points.
"""
