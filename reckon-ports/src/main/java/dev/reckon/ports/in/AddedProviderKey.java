package dev.reckon.ports.in;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.shared.ProviderKeyId;

/** The id and visible hint of a newly stored provider key. */
public record AddedProviderKey(ProviderKeyId id, KeyHint hint) {}
