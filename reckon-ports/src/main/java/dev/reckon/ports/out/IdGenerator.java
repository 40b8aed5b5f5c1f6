package dev.reckon.ports.out;

import java.util.UUID;

/** Source of new random identifiers, injected so tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {

  UUID newId();
}
