package dev.reckon.web;

import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.KeyHealthUseCase;
import dev.reckon.ports.in.ManageProviderKeysUseCase;
import dev.reckon.ports.in.ReportSpendUseCase;
import dev.reckon.ports.in.RequestDataDeletionUseCase;
import dev.reckon.ports.in.ResolveOrganizationUseCase;
import dev.reckon.ports.in.SpendTimeseriesUseCase;
import dev.reckon.ports.in.UpdateOrganizationUseCase;
import dev.reckon.ports.service.RetentionPolicy;
import dev.reckon.web.auth.SessionVerifier;
import java.util.Objects;

/**
 * Everything the web API calls: the session verifier, the use cases, the retention each plan keeps
 * (shown with the organization) and the readiness check. The use cases must be thread-safe because
 * requests call them concurrently.
 */
public record WebServices(
    SessionVerifier sessions,
    ResolveOrganizationUseCase organizations,
    UpdateOrganizationUseCase organizationUpdates,
    ManageProviderKeysUseCase providerKeys,
    AddProviderKeyUseCase providerKeyAdder,
    ReportSpendUseCase spendReports,
    SpendTimeseriesUseCase spendTimeseries,
    RequestDataDeletionUseCase dataDeletion,
    KeyHealthUseCase keyHealth,
    RetentionPolicy retention,
    ReadinessCheck readiness) {

  public WebServices {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(organizations, "organizations");
    Objects.requireNonNull(organizationUpdates, "organizationUpdates");
    Objects.requireNonNull(providerKeys, "providerKeys");
    Objects.requireNonNull(providerKeyAdder, "providerKeyAdder");
    Objects.requireNonNull(spendReports, "spendReports");
    Objects.requireNonNull(spendTimeseries, "spendTimeseries");
    Objects.requireNonNull(dataDeletion, "dataDeletion");
    Objects.requireNonNull(keyHealth, "keyHealth");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(readiness, "readiness");
  }

  /**
   * Returns a copy that verifies sessions with {@code other}, as a benchmark counting calls does.
   */
  public WebServices withSessions(SessionVerifier other) {
    return new WebServices(
        other,
        organizations,
        organizationUpdates,
        providerKeys,
        providerKeyAdder,
        spendReports,
        spendTimeseries,
        dataDeletion,
        keyHealth,
        retention,
        readiness);
  }
}
