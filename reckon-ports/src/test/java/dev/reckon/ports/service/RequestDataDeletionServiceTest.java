package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.RequestDataDeletionCommand;
import dev.reckon.ports.in.RequestDataDeletionUseCase.Outcome;
import dev.reckon.ports.in.RequestDataDeletionUseCase.Scheduled;
import dev.reckon.ports.in.RequestDataDeletionUseCase.SlugMismatch;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestDataDeletionServiceTest {

  private static final Instant NOW = Instant.parse("2026-04-10T15:00:00Z");

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final RequestDataDeletionService service =
      new RequestDataDeletionService(organizations, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void matchingSlugRecordsRequest() {
    Organization organization = inserted();

    Outcome outcome = service.requestDeletion(command(organization, organization.slug().value()));

    assertThat(outcome).isEqualTo(new Scheduled(NOW));
    assertThat(organizations.listDeletionRequests()).containsExactly(organization.id());
  }

  @Test
  void repeatedRequestKeepsFirstTime() {
    Organization organization = inserted();
    service.requestDeletion(command(organization, organization.slug().value()));
    RequestDataDeletionService later =
        new RequestDataDeletionService(
            organizations, Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));

    Outcome outcome = later.requestDeletion(command(organization, organization.slug().value()));

    assertThat(outcome).isEqualTo(new Scheduled(NOW));
  }

  @Test
  void differentSlugRecordsNothing() {
    Organization organization = inserted();

    Outcome outcome = service.requestDeletion(command(organization, "another-org"));

    assertThat(outcome).isEqualTo(new SlugMismatch(organization.slug()));
    assertThat(organizations.listDeletionRequests()).isEmpty();
  }

  @Test
  void slugMatchIsExact() {
    Organization organization = inserted();
    String slug = organization.slug().value();

    Outcome upper = service.requestDeletion(command(organization, slug.toUpperCase()));
    Outcome padded = service.requestDeletion(command(organization, " " + slug));
    Outcome empty = service.requestDeletion(command(organization, ""));

    assertThat(upper).isInstanceOf(SlugMismatch.class);
    assertThat(padded).isInstanceOf(SlugMismatch.class);
    assertThat(empty).isInstanceOf(SlugMismatch.class);
    assertThat(organizations.listDeletionRequests()).isEmpty();
  }

  @Test
  void slugOfOtherOrganizationDoesNotMatch() {
    Organization organization = inserted();
    Organization other = inserted();

    Outcome outcome = service.requestDeletion(command(organization, other.slug().value()));

    assertThat(outcome).isEqualTo(new SlugMismatch(organization.slug()));
    assertThat(organizations.listDeletionRequests()).isEmpty();
  }

  @Test
  void unknownOrganizationIsRejected() {
    OrgId unknown = new OrgId(UUID.randomUUID());

    assertThatThrownBy(
            () -> service.requestDeletion(new RequestDataDeletionCommand(unknown, "acme")))
        .isInstanceOf(NoSuchOrganizationException.class)
        .hasMessage("organization " + unknown + " not found");
  }

  private Organization inserted() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    return organization;
  }

  private static RequestDataDeletionCommand command(Organization organization, String slug) {
    return new RequestDataDeletionCommand(organization.id(), slug);
  }
}
