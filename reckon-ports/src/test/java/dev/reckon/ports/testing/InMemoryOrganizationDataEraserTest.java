package dev.reckon.ports.testing;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.out.OrganizationDataEraser;
import dev.reckon.ports.out.OrganizationDataEraser.TenantData;
import java.util.Map;

class InMemoryOrganizationDataEraserTest extends OrganizationDataEraserContract {

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryOrganizationDataEraser eraser =
      new InMemoryOrganizationDataEraser(organizations);

  @Override
  protected OrganizationDataEraser eraser() {
    return eraser;
  }

  @Override
  protected OrgId newOrganizationWithRows() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    eraser.addRows(organization.id(), 5);
    return organization.id();
  }

  @Override
  protected Map<TenantData, Long> remaining(OrgId orgId) {
    return eraser.remaining(orgId);
  }

  @Override
  protected boolean organizationExists(OrgId orgId) {
    return organizations.find(orgId).isPresent();
  }
}
