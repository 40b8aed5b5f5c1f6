package dev.reckon.adapter.postgres;

import org.jdbi.v3.core.Handle;

/** Checks that existing roles cannot bypass row-level security. */
final class RoleChecks {

  private RoleChecks() {}

  static void requireSafe(Handle handle, DatabaseRoles roles) {
    requireNoBypass(handle, roles.owner());
    requireAppRole(handle, roles.web(), roles.owner());
    requireAppRole(handle, roles.worker(), roles.owner());
  }

  // The owner runs the cross-tenant lookup functions; with BYPASSRLS or as a superuser those would
  // read past the narrow policies written for them.
  private static void requireNoBypass(Handle handle, String role) {
    if (flag(handle, "rolsuper", role)) {
      throw new IllegalStateException("role '" + role + "' must not be a superuser");
    }
    if (flag(handle, "rolbypassrls", role)) {
      throw new IllegalStateException("role '" + role + "' must not have BYPASSRLS");
    }
  }

  private static void requireAppRole(Handle handle, String role, String owner) {
    requireNoBypass(handle, role);
    if (flag(handle, "rolcreaterole", role)) {
      throw new IllegalStateException("role '" + role + "' must not have CREATEROLE");
    }
    boolean member =
        handle
            .createQuery("select pg_catalog.pg_has_role(:role, :owner, 'MEMBER')")
            .bind("role", role)
            .bind("owner", owner)
            .mapTo(Boolean.class)
            .one();
    if (member) {
      throw new IllegalStateException(
          "role '" + role + "' must not be a member of the owner role '" + owner + "'");
    }
  }

  private static boolean flag(Handle handle, String column, String role) {
    return handle
        .createQuery("select " + column + " from pg_catalog.pg_roles where rolname = :role")
        .bind("role", role)
        .mapTo(Boolean.class)
        .one();
  }
}
