package dev.reckon.adapter.provider.openai;

import dev.reckon.adapter.provider.internal.JsonResponse;
import dev.reckon.adapter.provider.internal.NamedItem;
import dev.reckon.adapter.provider.internal.Page;
import dev.reckon.adapter.provider.internal.PageDrainer;
import dev.reckon.adapter.provider.internal.ProviderHttp;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.ports.out.FetchProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Lists an OpenAI organization's projects, archived ones included, and each project's API keys. */
final class OpenAiNames {

  static final int NAMES_PER_PAGE = 100;

  /** Project ids go into a path segment, so anything but a plain id (such as "..") is refused. */
  private static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private final ProviderHttp http;
  private final HttpUrl baseUrl;
  private final PageDrainer drainer;

  OpenAiNames(ProviderHttp http, HttpUrl baseUrl, PageDrainer drainer) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.drainer = drainer;
  }

  List<EntityName> fetch(SecretBytes adminKey) {
    HttpUrl projectsUrl =
        list(baseUrl.newBuilder().addPathSegments("organization/projects"))
            .addQueryParameter("include_archived", "true")
            .build();
    List<NamedItem> projects = drain(projectsUrl, "project", PROJECT_ID, adminKey);

    List<EntityName> names = new ArrayList<>();
    for (NamedItem project : projects) {
      add(names, EntityName.Kind.PROJECT, project);
      for (NamedItem key : drain(apiKeysUrl(project.id()), "API key", null, adminKey)) {
        add(names, EntityName.Kind.API_KEY, key);
      }
    }
    return names;
  }

  /**
   * Requests keys in any {@code owner_project_access} state, because without it OpenAI applies
   * membership-based visibility and may leave enabled keys out.
   */
  private HttpUrl apiKeysUrl(String projectId) {
    return list(baseUrl
            .newBuilder()
            .addPathSegments("organization/projects")
            .addPathSegment(projectId)
            .addPathSegment("api_keys"))
        .addQueryParameter("owner_project_access", "any")
        .build();
  }

  /** Reads every page of a list, rejecting ids that do not match {@code idPattern} if given. */
  private List<NamedItem> drain(
      HttpUrl url, String listName, Pattern idPattern, SecretBytes adminKey) {
    return drainer.drain(
        cursor -> readPage(url, cursor, listName, idPattern, adminKey), FetchProgress.NONE);
  }

  private Page<NamedItem> readPage(
      HttpUrl url, String cursor, String listName, Pattern idPattern, SecretBytes adminKey) {
    HttpUrl pageUrl =
        cursor == null ? url : url.newBuilder().addQueryParameter("after", cursor).build();
    JsonResponse response = http.get(pageUrl, adminKey);
    Page<NamedItem> page = NamedItem.readPage(response, listName);

    for (NamedItem item : page.items()) {
      if (idPattern != null && !idPattern.matcher(item.id()).matches()) {
        throw response.invalid(listName + " list has an id that is not a plain id");
      }
    }
    return page;
  }

  private static HttpUrl.Builder list(HttpUrl.Builder builder) {
    return builder.addQueryParameter("limit", Integer.toString(NAMES_PER_PAGE));
  }

  private static void add(List<EntityName> names, EntityName.Kind kind, NamedItem item) {
    if (item.hasName()) {
      names.add(new EntityName(kind, item.id(), item.name()));
    }
  }
}
