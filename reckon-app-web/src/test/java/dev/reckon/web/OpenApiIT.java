package dev.reckon.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiIT {

  private final TestApp app = new TestApp();

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void documentMatchesRegisteredRoutes() throws Exception {
    HttpResponse<String> response = app.get("/api/v1/openapi.json", null);
    JsonNode document = new ObjectMapper().readTree(response.body());

    Set<String> documented = new TreeSet<>();
    document
        .get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    Set<String> registered = new TreeSet<>();
    for (ParsedEndpoint parsed : app.app.unsafe.internalRouter.allHttpHandlers()) {
      if (parsed.endpoint.method.isHttpMethod()) {
        registered.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path);
      }
    }

    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(registered).hasSize(15);
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void everyProtectedOperationDeclaresItsErrors() throws Exception {
    JsonNode paths =
        new ObjectMapper().readTree(app.get("/api/v1/openapi.json", null).body()).get("paths");

    Set<String> missing = new TreeSet<>();
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          boolean isPublic = operation.getValue().has("security");
                          if (!isPublic && !operation.getValue().get("responses").has("401")) {
                            missing.add(operation.getKey() + " " + path.getKey());
                          }
                        }));

    assertThat(missing).isEmpty();
  }
}
