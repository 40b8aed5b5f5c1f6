package dev.reckon.domain.access;

import java.util.EnumSet;
import java.util.Set;

/** Which permissions each role has: members read, admins also change. */
public final class AccessPolicy {

  private static final Set<Permission> MEMBER_PERMISSIONS =
      EnumSet.of(Permission.VIEW_SPEND, Permission.VIEW_PROVIDER_KEYS);

  private AccessPolicy() {}

  public static AccessDecision decide(Role role, Permission permission) {
    if (role == Role.ADMIN || MEMBER_PERMISSIONS.contains(permission)) {
      return new AccessDecision.Allowed();
    }
    return new AccessDecision.Denied("this action needs the admin role in the organization");
  }
}
