package dev.reckon.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.ports.out.OrganizationDataEraser;
import dev.reckon.ports.out.OrganizationDataEraser.TenantData;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The behaviour every {@link OrganizationDataEraser} must have. */
public abstract class OrganizationDataEraserContract {

  protected abstract OrganizationDataEraser eraser();

  /** Creates an organization with at least three rows of every kind and returns its id. */
  protected abstract OrgId newOrganizationWithRows();

  /** Returns how many rows of each kind the organization has, every kind present. */
  protected abstract Map<TenantData, Long> remaining(OrgId orgId);

  protected abstract boolean organizationExists(OrgId orgId);

  @ParameterizedTest
  @EnumSource(TenantData.class)
  void deleteBatchRemovesAtMostLimit(TenantData kind) {
    OrgId org = newOrganizationWithRows();
    long before = remaining(org).get(kind);

    int deleted = eraser().deleteBatch(org, kind, 2);

    assertThat(before).isGreaterThanOrEqualTo(3);
    assertThat(deleted).isEqualTo(2);
    assertThat(remaining(org).get(kind)).isEqualTo(before - 2);
  }

  @ParameterizedTest
  @EnumSource(TenantData.class)
  void repeatedBatchesEmptyTheKind(TenantData kind) {
    OrgId org = newOrganizationWithRows();

    int last;
    int calls = 0;
    do {
      last = eraser().deleteBatch(org, kind, 2);
      calls++;
    } while (last == 2);

    assertThat(remaining(org).get(kind)).isZero();
    assertThat(calls).isGreaterThanOrEqualTo(2);
    assertThat(eraser().deleteBatch(org, kind, 2)).isZero();
  }

  @Test
  void deletingEverythingLeavesOtherOrganizationAlone() {
    OrgId org = newOrganizationWithRows();
    OrgId other = newOrganizationWithRows();
    Map<TenantData, Long> otherBefore = remaining(other);

    for (TenantData kind : TenantData.values()) {
      while (eraser().deleteBatch(org, kind, 100) > 0) {
        // Deletes until the kind is empty.
      }
    }
    boolean deleted = eraser().deleteOrganization(org);

    assertThat(deleted).isTrue();
    assertThat(organizationExists(org)).isFalse();
    assertThat(remaining(org).values()).containsOnly(0L);
    assertThat(remaining(other)).isEqualTo(otherBefore);
    assertThat(organizationExists(other)).isTrue();
  }

  @Test
  void deleteOrganizationTwiceReportsSecondAsGone() {
    OrgId org = newOrganizationWithRows();
    for (TenantData kind : TenantData.values()) {
      while (eraser().deleteBatch(org, kind, 100) > 0) {
        // Deletes until the kind is empty.
      }
    }
    eraser().deleteOrganization(org);

    boolean again = eraser().deleteOrganization(org);

    assertThat(again).isFalse();
  }

  @Test
  void deleteBatchOfUnknownOrganizationReturnsZero() {
    OrgId unknown = new OrgId(UUID.randomUUID());

    int deleted = eraser().deleteBatch(unknown, TenantData.USAGE_BUCKETS, 10);

    assertThat(deleted).isZero();
    assertThat(eraser().deleteOrganization(unknown)).isFalse();
  }

  @Test
  void deleteBatchRejectsLimitBelowOne() {
    OrgId org = newOrganizationWithRows();

    assertThatThrownBy(() -> eraser().deleteBatch(org, TenantData.PROVIDER_KEYS, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'limit' must be at least 1 (was 0)");

    assertThat(remaining(org).get(TenantData.PROVIDER_KEYS)).isGreaterThanOrEqualTo(3);
  }
}
