package dev.reckon.ports.in;

import dev.reckon.domain.report.SpendReport;

/** Reports an organization's spend for a date range, grouped by one dimension. */
public interface ReportSpendUseCase {

  /**
   * @throws NoSuchOrganizationException when the organization does not exist
   */
  SpendReport report(SpendQuery query);
}
