package dev.reckon.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  @Test
  void adminMayDoEverything() {
    for (Permission permission : Permission.values()) {
      assertThat(AccessPolicy.decide(Role.ADMIN, permission))
          .as(permission.name())
          .isEqualTo(new AccessDecision.Allowed());
    }
  }

  @Test
  void memberMayOnlyRead() {
    EnumSet<Permission> allowed = EnumSet.noneOf(Permission.class);
    for (Permission permission : Permission.values()) {
      if (AccessPolicy.decide(Role.MEMBER, permission) instanceof AccessDecision.Allowed) {
        allowed.add(permission);
      }
    }

    assertThat(allowed)
        .containsExactlyInAnyOrder(Permission.VIEW_SPEND, Permission.VIEW_PROVIDER_KEYS);
  }

  @Test
  void memberDenialGivesAReason() {
    AccessDecision decision = AccessPolicy.decide(Role.MEMBER, Permission.MANAGE_PROVIDER_KEYS);

    assertThat(decision)
        .isEqualTo(
            new AccessDecision.Denied("this action needs the admin role in the organization"));
  }
}
