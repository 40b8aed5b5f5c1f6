package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.ports.service.RetentionPolicy;
import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebServicesTest {

  @Test
  void withSessionsKeepsEveryOtherComponent() throws Exception {
    FakeOrganizations organizations = new FakeOrganizations();
    FakeProviderKeys keys = new FakeProviderKeys();
    FakeSpend spend = new FakeSpend();
    WebServices original =
        new WebServices(
            new FakeSessions(),
            organizations,
            organizations,
            keys,
            keys,
            spend,
            spend,
            new FakeDataDeletion(organizations),
            new FakeKeyHealth(),
            RetentionPolicy.defaults(),
            List::of);
    FakeSessions other = new FakeSessions();

    WebServices copy = original.withSessions(other);

    assertThat(copy.sessions()).isSameAs(other);
    for (RecordComponent component : WebServices.class.getRecordComponents()) {
      if (!component.getName().equals("sessions")) {
        assertThat(component.getAccessor().invoke(copy))
            .as(component.getName())
            .isSameAs(component.getAccessor().invoke(original));
      }
    }
  }
}
