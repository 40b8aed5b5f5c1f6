package dev.reckon.ports.service;

import dev.reckon.domain.pricing.PriceTable;
import dev.reckon.domain.report.DailyCost;
import dev.reckon.domain.report.DailyUsage;
import dev.reckon.domain.report.SpendCalculator;
import dev.reckon.domain.report.SpendReport;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.NoSuchOrganizationException;
import dev.reckon.ports.in.ReportSpendUseCase;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.ports.out.OrganizationRepository;
import dev.reckon.ports.out.SpendReadModel;
import java.util.List;

/** Loads daily usage and cost of an organization and groups them into a spend report. */
public final class ReportSpendService implements ReportSpendUseCase {

  private final OrganizationRepository organizations;
  private final SpendReadModel spend;
  private final SpendCalculator calculator;

  public ReportSpendService(
      OrganizationRepository organizations, SpendReadModel spend, PriceTable prices) {
    this.organizations = organizations;
    this.spend = spend;
    this.calculator = new SpendCalculator(prices);
  }

  @Override
  public SpendReport report(SpendQuery query) {
    Organization organization =
        organizations
            .find(query.orgId())
            .orElseThrow(
                () ->
                    new NoSuchOrganizationException(
                        "organization " + query.orgId() + " not found"));

    List<DailyUsage> usage =
        spend.dailyUsage(
            query.orgId(), query.from(), query.to(), organization.timeZone(), query.provider());
    List<DailyCost> costs =
        spend.dailyCosts(query.orgId(), query.from(), query.to(), query.provider());

    return calculator.calculate(
        query.from(),
        query.to(),
        organization.timeZone(),
        query.groupBy(),
        usage,
        costs,
        spend.names(query.orgId()));
  }
}
