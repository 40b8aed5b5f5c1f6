package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrganizationServiceTest {

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final OrganizationService service =
      new OrganizationService(organizations, UUID::randomUUID);

  @Test
  void updateStoresNameAndZoneAndKeepsPlan() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);

    Organization updated =
        service.update(
            organization.id(), Optional.of("  Acme Labs "), Optional.of(ZoneId.of("Asia/Tokyo")));

    Organization expected =
        new Organization(
            organization.id(),
            organization.slug(),
            "Acme Labs",
            organization.plan(),
            ZoneId.of("Asia/Tokyo"));
    assertThat(updated).isEqualTo(expected);
    assertThat(organizations.find(organization.id())).contains(expected);
  }

  @Test
  void updateWithoutFieldsKeepsOrganization() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);

    Organization updated = service.update(organization.id(), Optional.empty(), Optional.empty());

    assertThat(updated).isEqualTo(organization);
  }

  @Test
  void updateRejectsNameOver200Characters() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);

    assertThatThrownBy(
            () -> service.update(organization.id(), Optional.of("x".repeat(201)), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("organization name must have 1 to 200 characters (was 201)");

    assertThat(organizations.find(organization.id())).contains(organization);
  }

  @Test
  void updateRejectsBlankName() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);

    assertThatThrownBy(
            () -> service.update(organization.id(), Optional.of("   "), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("organization name must have 1 to 200 characters (was 0)");
  }

  @Test
  void updateOfUnknownOrganizationThrowsNotFound() {
    OrgId unknown = new OrgId(UUID.fromString("00000000-0000-4000-8000-0000000000bb"));

    assertThatThrownBy(() -> service.update(unknown, Optional.of("Acme"), Optional.empty()))
        .isInstanceOf(NoSuchOrganizationException.class)
        .hasMessage("organization 00000000-0000-4000-8000-0000000000bb not found");
  }
}
