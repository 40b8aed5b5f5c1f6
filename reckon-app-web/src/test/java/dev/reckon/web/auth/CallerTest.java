package dev.reckon.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.access.Role;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void callerRejectsBlankIds() {
    String blank = " ";

    assertThatThrownBy(() -> Caller.withoutOrganization(blank, "sess_FAKE_1"))
        .hasMessage("'userId' must not be blank");
    assertThatThrownBy(() -> Caller.withoutOrganization("user_FAKE_1", blank))
        .hasMessage("'sessionId' must not be blank");
    assertThatThrownBy(() -> new ActiveOrganization(blank, "acme", Role.ADMIN))
        .hasMessage("'clerkOrgId' must not be blank");
  }

  @Test
  void callerIsAdminOnlyWithAdminRole() {
    ActiveOrganization admin = new ActiveOrganization("org_FAKE_1", null, Role.ADMIN);
    ActiveOrganization member = new ActiveOrganization("org_FAKE_1", null, Role.MEMBER);

    Caller withAdmin = new Caller("user_FAKE_1", "sess_FAKE_1", admin);

    assertThat(withAdmin.isOrganizationAdmin()).isTrue();
    assertThat(withAdmin.activeOrganization()).contains(admin);
    assertThat(new Caller("user_FAKE_1", "sess_FAKE_1", member).isOrganizationAdmin()).isFalse();
  }
}
