package dev.reckon.domain.access;

/** A member's role in an organization. Any role other than these grants no admin rights. */
public enum Role {
  ADMIN,
  MEMBER
}
