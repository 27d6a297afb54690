"""Views of the case kernel: the case page and its actions, the inbox and the agency list."""
