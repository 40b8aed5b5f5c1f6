package dev.reckon.web;

import static dev.reckon.web.ApiRoute.delete;
import static dev.reckon.web.ApiRoute.get;
import static dev.reckon.web.ApiRoute.patch;
import static dev.reckon.web.ApiRoute.post;

import dev.reckon.domain.access.Permission;
import java.util.List;

/**
 * The route table of the app. It is the single list that {@link WebApp} registers and that the
 * OpenAPI document is checked against.
 */
final class ApiRoutes {

  static final String PREFIX = "/api/v1";

  private ApiRoutes() {}

  static List<ApiRoute> all(WebServices services, AccessFilter access, HttpMetrics metrics) {
    var ops = new OpsRoutes(services.readiness(), metrics);
    var keys = new ProviderKeyRoutes(services.providerKeys(), services.providerKeyAdder());
    var usage = new UsageRoutes(services.spendReports(), services.spendTimeseries());
    var orgs = new OrganizationRoutes(access, services.organizationUpdates(), services.retention());
    var deletion = new DataDeletionRoutes(services.dataDeletion());
    var health = new KeyHealthRoutes(services.keyHealth());
    RouteAccess viewKeys = RouteAccess.requiring(Permission.VIEW_PROVIDER_KEYS);
    RouteAccess manageKeys = RouteAccess.requiring(Permission.MANAGE_PROVIDER_KEYS);
    RouteAccess viewSpend = RouteAccess.requiring(Permission.VIEW_SPEND);
    RouteAccess manageOrg = RouteAccess.requiring(Permission.MANAGE_ORGANIZATION);
    RouteAccess deleteData = RouteAccess.requiring(Permission.DELETE_ORGANIZATION_DATA);

    return List.of(
        get("/health/live", RouteAccess.PUBLIC, ops::live),
        get("/health/ready", RouteAccess.PUBLIC, ops::ready),
        get("/metrics", RouteAccess.PUBLIC, ops::metrics),
        get(PREFIX + "/openapi.json", RouteAccess.PUBLIC, ops::openApi),
        get(PREFIX + "/me", RouteAccess.SIGNED_IN, orgs::me),
        get(PREFIX + "/organization", RouteAccess.MEMBER, orgs::get),
        patch(PREFIX + "/organization", manageOrg, orgs::patch),
        delete(PREFIX + "/organization/data", deleteData, deletion::request),
        get(PREFIX + "/provider-keys", viewKeys, keys::list),
        post(PREFIX + "/provider-keys", manageKeys, keys::add),
        delete(PREFIX + "/provider-keys/{id}", manageKeys, keys::delete),
        get(PREFIX + "/provider-keys/{id}/health", viewKeys, health::health),
        post(PREFIX + "/dead-letters/{id}/retry", manageKeys, health::retry),
        get(PREFIX + "/usage/summary", viewSpend, usage::summary),
        get(PREFIX + "/usage/timeseries", viewSpend, usage::timeseries));
  }
}
