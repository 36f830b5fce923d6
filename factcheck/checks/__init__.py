KINDS: dict[str, object] = {}
