package dev.reckon.worker.cli;

import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.ClerkOrganization;
import dev.reckon.ports.in.CreateOrganizationCommand;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code reckon orgs}: organization management. */
@Command(
    name = "orgs",
    description = "Manage organizations.",
    subcommands = OrgsCommand.Create.class)
final class OrgsCommand {

  @ParentCommand ReckonCommand parent;

  /** {@code reckon orgs create}. */
  @Command(name = "create", description = "Create an organization.")
  static final class Create implements Callable<Integer> {

    @ParentCommand private OrgsCommand orgs;

    @Option(
        names = "--slug",
        required = true,
        paramLabel = "SLUG",
        description = "Short name used by --org.")
    private String slug;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name.")
    private String name;

    @Option(
        names = "--plan",
        defaultValue = "free",
        paramLabel = "PLAN",
        description = "free (keeps 30 days) or pro (keeps 365 days); default: ${DEFAULT-VALUE}.")
    private String plan;

    @Option(
        names = "--time-zone",
        defaultValue = "UTC",
        paramLabel = "ZONE",
        description =
            "IANA time zone where the organization's days start; default: ${DEFAULT-VALUE}.")
    private String timeZone;

    @Option(
        names = "--clerk-org-id",
        paramLabel = "ID",
        description =
            "Clerk organization (org_...) whose members sign in to the web API as this one.")
    private String clerkOrgId;

    @Override
    public Integer call() {
      OrgSlug parsedSlug = new OrgSlug(slug);
      Plan parsedPlan = Plan.fromId(plan);
      ZoneId zone = zone(timeZone);

      Organization created =
          orgs.parent
              .services()
              .createOrganization()
              .create(
                  new CreateOrganizationCommand(
                      parsedSlug,
                      name,
                      parsedPlan,
                      zone,
                      Optional.ofNullable(clerkOrgId)
                          .map(id -> new ClerkOrganization(id, parsedSlug.value()))));

      orgs.parent
          .out()
          .printf(
              "Created organization %s (%s), plan %s, time zone %s%n",
              created.slug(), created.id(), created.plan().id(), created.timeZone().getId());
      return 0;
    }

    static ZoneId zone(String text) {
      try {
        ZoneId zone = ZoneId.of(text);
        if (zone instanceof ZoneOffset) {
          // A fixed offset ignores daylight saving time, so days would start an hour off for
          // half the year in most places.
          throw new DateTimeException("fixed offset");
        }
        return zone;
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "time zone '" + text + "' is invalid: use an IANA id such as Europe/Berlin or UTC");
      }
    }
  }
}
