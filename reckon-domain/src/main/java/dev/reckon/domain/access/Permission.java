package dev.reckon.domain.access;

/** Something a signed-in member may try to do. */
public enum Permission {
  VIEW_SPEND,
  VIEW_PROVIDER_KEYS,
  MANAGE_PROVIDER_KEYS,
  MANAGE_ORGANIZATION,
  MANAGE_BILLING,
  MANAGE_INTEGRATIONS,
  DELETE_ORGANIZATION_DATA
}
