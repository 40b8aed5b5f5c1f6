package dev.reckon.adapter.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.ports.out.KeyBinding;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionContextTest {

  private static final KeyBinding BINDING =
      new KeyBinding(
          OrgId.parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
          ProviderKeyId.parse("6a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3"),
          Provider.OPENAI);

  @Test
  void forBindingHoldsFiveIdentifiers() {
    EncryptionContext context = EncryptionContext.forBinding(BINDING);

    Map<String, String> entries = context.asMap();

    assertThat(entries)
        .containsExactly(
            Map.entry("format_version", "1"),
            Map.entry("org_id", "0f8fad5b-d9cb-469f-a165-70867728950e"),
            Map.entry("provider", "openai"),
            Map.entry("provider_key_id", "6a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3"),
            Map.entry("purpose", "reckon/provider-admin-key"));
  }

  @Test
  void associatedDataIsLengthPrefixedInKeyOrder() {
    EncryptionContext context = EncryptionContext.forBinding(BINDING);

    byte[] associatedData = context.associatedData();

    assertThat(HexFormat.of().formatHex(associatedData))
        .isEqualTo(
            "0005000e666f726d61745f76657273696f6e00013100066f72675f6964002430"
                + "663866616435622d643963622d343639662d613136352d373038363737323839"
                + "353065000870726f766964657200066f70656e6169000f70726f76696465725f"
                + "6b65795f6964002436613162326333642d346535662d346136622d396337642d"
                + "3865396661306231633264330007707572706f736500197265636b6f6e2f7072"
                + "6f76696465722d61646d696e2d6b6579");
  }

  @Test
  void associatedDataDiffersPerOrgKeyAndProvider() {
    byte[] original = EncryptionContext.forBinding(BINDING).associatedData();

    byte[] otherOrg =
        EncryptionContext.forBinding(TestKeys.withOrg(BINDING, OrgId.parse(uuid(1))))
            .associatedData();
    byte[] otherKey =
        EncryptionContext.forBinding(TestKeys.withKeyId(BINDING, ProviderKeyId.parse(uuid(2))))
            .associatedData();
    byte[] otherProvider =
        EncryptionContext.forBinding(TestKeys.withProvider(BINDING, Provider.ANTHROPIC))
            .associatedData();

    assertThat(otherOrg).isNotEqualTo(original);
    assertThat(otherKey).isNotEqualTo(original);
    assertThat(otherProvider).isNotEqualTo(original);
  }

  @Test
  void associatedDataSeparatesKeysFromValues() {
    EncryptionContext first = EncryptionContext.of(Map.of("ab", "c"));
    EncryptionContext second = EncryptionContext.of(Map.of("a", "bc"));

    byte[] firstEncoding = first.associatedData();
    byte[] secondEncoding = second.associatedData();

    assertThat(firstEncoding).isNotEqualTo(secondEncoding);
    assertThat(HexFormat.of().formatHex(firstEncoding)).isEqualTo("0001000261620001" + "63");
  }

  @Test
  void ofRejectsValueLongerThan65535Bytes() {
    Map<String, String> entries = Map.of("org_id", "x".repeat(65_536));

    assertThatThrownBy(() -> EncryptionContext.of(entries))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("context value must be at most 65535 UTF-8 bytes (was 65536 bytes)");
  }

  @Test
  void equalContextsAreEqual() {
    EncryptionContext first = EncryptionContext.forBinding(BINDING);

    EncryptionContext second = EncryptionContext.of(first.asMap());

    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
    assertThat(second.associatedData()).isEqualTo(first.associatedData());
  }

  @Test
  void toStringShowsIdentifiersInKeyOrder() {
    EncryptionContext context = EncryptionContext.forBinding(BINDING);

    String text = context.toString();

    assertThat(text)
        .isEqualTo(
            "EncryptionContext{format_version=1, org_id=0f8fad5b-d9cb-469f-a165-70867728950e,"
                + " provider=openai, provider_key_id=6a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3,"
                + " purpose=reckon/provider-admin-key}");
  }

  private static String uuid(int suffix) {
    return String.format("0f8fad5b-d9cb-469f-a165-%012d", suffix);
  }
}
