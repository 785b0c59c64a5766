"""The benchmark suite: the product's own paths on realistic data, beside anchors measured in the same run.

python -m bench [--quick] [--json FILE] [--only NAME ...]
"""
