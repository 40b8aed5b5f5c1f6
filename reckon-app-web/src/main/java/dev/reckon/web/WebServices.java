package dev.reckon.web;

import dev.reckon.ports.in.AddProviderKeyUseCase;
import dev.reckon.ports.in.ManageProviderKeysUseCase;
import dev.reckon.ports.in.ReportSpendUseCase;
import dev.reckon.ports.in.ResolveOrganizationUseCase;
import dev.reckon.ports.in.SpendTimeseriesUseCase;
import dev.reckon.ports.in.UpdateOrganizationUseCase;
import dev.reckon.web.auth.SessionVerifier;
import java.util.Objects;

/**
 * Everything the web API calls: the session verifier, the use cases and the readiness check. The
 * use cases must be thread-safe because requests call them concurrently.
 */
public record WebServices(
    SessionVerifier sessions,
    ResolveOrganizationUseCase organizations,
    UpdateOrganizationUseCase organizationUpdates,
    ManageProviderKeysUseCase providerKeys,
    AddProviderKeyUseCase providerKeyAdder,
    ReportSpendUseCase spendReports,
    SpendTimeseriesUseCase spendTimeseries,
    ReadinessCheck readiness) {

  public WebServices {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(organizations, "organizations");
    Objects.requireNonNull(organizationUpdates, "organizationUpdates");
    Objects.requireNonNull(providerKeys, "providerKeys");
    Objects.requireNonNull(providerKeyAdder, "providerKeyAdder");
    Objects.requireNonNull(spendReports, "spendReports");
    Objects.requireNonNull(spendTimeseries, "spendTimeseries");
    Objects.requireNonNull(readiness, "readiness");
  }
}
