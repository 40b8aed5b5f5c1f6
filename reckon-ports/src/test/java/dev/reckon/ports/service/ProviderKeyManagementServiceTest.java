package dev.reckon.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchProviderKeyException;
import dev.reckon.ports.in.ProviderKeySummary;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import dev.reckon.ports.testing.InMemoryProviderKeyRepository;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderKeyManagementServiceTest {

  private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryProviderKeyRepository keys = new InMemoryProviderKeyRepository();
  private final ProviderKeyManagementService service = new ProviderKeyManagementService(keys);

  @Test
  void listReturnsSummariesOldestFirst() {
    OrgId orgId = newOrg();
    ProviderKeyRecord newer = Fixtures.providerKey(orgId, Provider.OPENAI, CREATED.plusSeconds(60));
    ProviderKeyRecord older = Fixtures.providerKey(orgId, Provider.ANTHROPIC, CREATED);
    keys.insert(newer);
    keys.insert(older);
    keys.insert(Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED));

    var summaries = service.list(orgId);

    assertThat(summaries)
        .containsExactly(ProviderKeySummary.from(older), ProviderKeySummary.from(newer));
    assertThat(summaries.get(0).hint().lastChars()).isEqualTo("FAKE");
  }

  @Test
  void deleteRemovesKey() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys.insert(key);

    service.delete(key.orgId(), key.id());

    assertThat(keys.find(key.orgId(), key.id())).isEmpty();
  }

  @Test
  void deleteOfUnknownKeyThrowsNotFound() {
    OrgId orgId = newOrg();
    ProviderKeyId unknown =
        new ProviderKeyId(UUID.fromString("00000000-0000-4000-8000-0000000000aa"));

    assertThatThrownBy(() -> service.delete(orgId, unknown))
        .isInstanceOf(NoSuchProviderKeyException.class)
        .hasMessage("provider key 00000000-0000-4000-8000-0000000000aa not found");
  }

  @Test
  void deleteOfOtherOrganizationKeyThrowsNotFound() {
    ProviderKeyRecord key = Fixtures.providerKey(newOrg(), Provider.OPENAI, CREATED);
    keys.insert(key);

    assertThatThrownBy(() -> service.delete(newOrg(), key.id()))
        .isInstanceOf(NoSuchProviderKeyException.class)
        .hasMessage("provider key " + key.id() + " not found");

    assertThat(keys.find(key.orgId(), key.id())).contains(key);
  }

  private OrgId newOrg() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    return organization.id();
  }
}
