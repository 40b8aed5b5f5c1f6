package dev.reckon.domain.access;

/** The outcome of an access check, returned as data rather than thrown. */
public sealed interface AccessDecision {

  /** The action may go ahead. */
  record Allowed() implements AccessDecision {}

  /** The action is refused, with a reason safe to show the caller. */
  record Denied(String reason) implements AccessDecision {}
}
