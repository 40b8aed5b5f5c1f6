package dev.reckon.sandbox;

import java.time.Instant;

/** A person in a provider organization: the owner of API keys and the user of usage rows. */
record Member(String id, String name, String email, String role, Instant addedAt) {}
