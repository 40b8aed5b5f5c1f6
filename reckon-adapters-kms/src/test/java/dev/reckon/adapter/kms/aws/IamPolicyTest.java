package dev.reckon.adapter.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reckon.adapter.kms.EncryptionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Checks the IAM policies in deploy/aws/iam grant each tier only its side of the master key. */
class IamPolicyTest {

  private static final String PURPOSE_CONDITION = "kms:EncryptionContext:purpose";
  private static final String KEY_ARN_PLACEHOLDER = "arn:aws:kms:REGION:ACCOUNT_ID:key/";

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void webPolicyAllowsOnlyGenerateDataKey() throws IOException {
    JsonNode policy = readPolicy("reckon-web-kms-policy.json");

    List<String> actions = allowedActions(policy);

    assertThat(actions).containsExactly("kms:GenerateDataKey");
    assertThat(actions)
        .noneMatch(action -> action.toLowerCase(Locale.ROOT).startsWith("kms:decrypt"))
        .noneMatch(action -> action.toLowerCase(Locale.ROOT).startsWith("kms:reencrypt"))
        .noneMatch(action -> action.contains("*"));
  }

  @Test
  void workerPolicyAllowsOnlyUnwrapAndRewrap() throws IOException {
    JsonNode policy = readPolicy("reckon-worker-kms-policy.json");

    List<String> actions = allowedActions(policy);

    assertThat(actions)
        .containsExactlyInAnyOrder("kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo");
    assertThat(actions)
        .noneMatch(action -> action.toLowerCase(Locale.ROOT).startsWith("kms:generatedatakey"))
        .noneMatch(action -> action.toLowerCase(Locale.ROOT).equals("kms:encrypt"))
        .noneMatch(action -> action.contains("*"));
  }

  @Test
  void workerPolicyRewrapsOnlyToCurrentKey() throws IOException {
    JsonNode policy = readPolicy("reckon-worker-kms-policy.json");

    List<String> reEncryptToResources = new ArrayList<>();
    for (JsonNode statement : allowStatements(policy)) {
      if (values(statement.get("Action")).contains("kms:ReEncryptTo")) {
        reEncryptToResources.addAll(values(statement.get("Resource")));
      }
    }

    assertThat(reEncryptToResources).containsExactly(KEY_ARN_PLACEHOLDER + "KEY_ID");
  }

  @Test
  void everyAllowStatementRequiresPurpose() throws IOException {
    for (String file : List.of("reckon-web-kms-policy.json", "reckon-worker-kms-policy.json")) {
      List<JsonNode> statements = allowStatements(readPolicy(file));

      assertThat(statements).as(file).isNotEmpty();
      for (JsonNode statement : statements) {
        JsonNode purpose = statement.path("Condition").path("StringEquals").path(PURPOSE_CONDITION);
        assertThat(purpose.asText())
            .as(file + " " + statement.path("Sid"))
            .isEqualTo(EncryptionContext.PURPOSE);
      }
    }
  }

  @Test
  void everyAllowStatementNamesKeyArns() throws IOException {
    for (String file : List.of("reckon-web-kms-policy.json", "reckon-worker-kms-policy.json")) {
      for (JsonNode statement : allowStatements(readPolicy(file))) {
        List<String> resources = values(statement.get("Resource"));

        assertThat(resources).as(file).isNotEmpty();
        assertThat(resources)
            .as(file)
            .allMatch(resource -> resource.startsWith(KEY_ARN_PLACEHOLDER));
        assertThat(statement.has("NotAction")).as(file).isFalse();
        assertThat(statement.has("NotResource")).as(file).isFalse();
      }
    }
  }

  private JsonNode readPolicy(String fileName) throws IOException {
    Path file = repositoryRoot().resolve("deploy").resolve("aws").resolve("iam").resolve(fileName);
    return json.readTree(Files.readString(file));
  }

  /** Walks up from the module directory, where Surefire runs tests, to the repository root. */
  private static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.isDirectory(directory.resolve("deploy"))) {
      directory = directory.getParent();
    }
    assertThat(directory).as("a parent directory of the module holding deploy/").isNotNull();
    return directory;
  }

  private static List<JsonNode> allowStatements(JsonNode policy) {
    List<JsonNode> allows = new ArrayList<>();
    for (JsonNode statement : policy.path("Statement")) {
      if (statement.path("Effect").asText().equals("Allow")) {
        allows.add(statement);
      }
    }
    return allows;
  }

  private static List<String> allowedActions(JsonNode policy) {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : allowStatements(policy)) {
      actions.addAll(values(statement.get("Action")));
    }
    return actions;
  }

  /** Returns an IAM policy value, which may be a single string or an array of strings. */
  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null) {
      return values;
    }
    if (node.isArray()) {
      node.forEach(element -> values.add(element.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }
}
