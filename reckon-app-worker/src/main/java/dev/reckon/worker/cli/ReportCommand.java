package dev.reckon.worker.cli;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.report.SpendReport;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.worker.Services;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code reckon report}: prints an organization's spend. */
@Command(
    name = "report",
    description = "Print an organization's spend, billed and estimated, for a range of days.")
final class ReportCommand implements Callable<Integer> {

  @ParentCommand private ReckonCommand parent;

  @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug.")
  private String org;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First day, in the organization's time zone (default: 29 days before --to).")
  private String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Last day, inclusive (default: today in the organization's time zone).")
  private String to;

  @Option(
      names = "--group-by",
      defaultValue = "day",
      paramLabel = "DIMENSION",
      description = "day, model, provider, api-key or project (default: ${DEFAULT-VALUE}).")
  private String groupBy;

  @Option(
      names = "--provider",
      paramLabel = "PROVIDER",
      description = "Only this provider: openai or anthropic (default: all).")
  private String provider;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  private String format;

  @Override
  public Integer call() {
    GroupBy dimension = GroupBy.fromId(groupBy);
    ReportFormat output = ReportFormat.fromId(format);
    Optional<Provider> only = Optional.ofNullable(provider).map(Provider::fromId);
    Services services = parent.services();

    Organization organization = OrgArgument.resolve(services.organizations(), org);
    LocalDate last =
        to == null
            ? LocalDate.now(services.clock().withZone(organization.timeZone()))
            : date("--to", to);
    LocalDate first = from == null ? last.minusDays(29) : date("--from", from);
    SpendReport report =
        services
            .reportSpend()
            .report(new SpendQuery(organization.id(), first, last, dimension, only));

    ReportWriter.write(report, organization.slug().value(), output, parent.out());
    return 0;
  }

  private static LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a date: use YYYY-MM-DD, such as 2026-11-30");
    }
  }
}
