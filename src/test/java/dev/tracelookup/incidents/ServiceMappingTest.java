package dev.tracelookup.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ServiceMappingTest {
  @Test
  void affects_identicalNameInAnotherCase_isTrue() {
    assertThat(ServiceMapping.identity().affects(List.of("Payment-Svc"), List.of("payment-svc")))
        .isTrue();
  }

  @Test
  void affects_differentNamesWithoutMapping_isFalse() {
    assertThat(
            ServiceMapping.identity()
                .affects(List.of("Payments"), List.of("payment-svc", "order-svc")))
        .isFalse();
  }

  @Test
  void affects_aliasConfigured_matchesTheAliasAndStillTheOwnName() {
    ServiceMapping mapping =
        ServiceMapping.of(Map.of("Payment-Svc", List.of("Payments API", "PX7Q2NB")));

    assertThat(mapping.affects(List.of("payments api"), List.of("payment-svc"))).isTrue();
    assertThat(mapping.affects(List.of("PX7Q2NB"), List.of("order-svc", "payment-svc"))).isTrue();
    assertThat(mapping.affects(List.of("payment-svc"), List.of("payment-svc"))).isTrue();
  }

  @Test
  void affects_aliasOfAnotherService_isFalse() {
    ServiceMapping mapping = ServiceMapping.of(Map.of("payment-svc", List.of("Payments API")));

    assertThat(mapping.affects(List.of("Payments API"), List.of("order-svc"))).isFalse();
  }
}
