package io.github.healthgrpc.sample;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.proto.health.v1.HealthGrpc.HealthBlockingStub;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.proto.health.v1.HealthListResponse;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health details (the database's name, the disk's path) never leave the process over
 * gRPC, on the real server with its own interceptors: while {@code /actuator/health}
 * shows them, Check, Watch and List answer with serving statuses and nothing else, in
 * their messages, headers and trailers.
 */
class HealthDetailsStayInProcessEndToEndTests extends AbstractSampleServerTests {

	private final MetadataRecorder recorder = new MetadataRecorder();

	@LocalServerPort
	int httpPort;

	@Test
	void checkWatchAndListAnswerWithStatusesOnlyWhileTheActuatorShowsTheDetails() throws Exception {
		pricingDown();
		List<String> details = detailValues(ActuatorHealth.get(this.httpPort).read("$.components", Map.class));
		assertThat(details).as("detail values on /actuator/health").isNotEmpty();

		// equals() compares unknown fields too: equal to a status-only message, nothing
		// else came.
		assertThat(stub().check(request("demo.Inventory"))).isEqualTo(status(ServingStatus.NOT_SERVING));
		assertThat(firstWatchMessage("demo.Inventory")).isEqualTo(status(ServingStatus.NOT_SERVING));
		HealthListResponse list = stub().list(HealthListRequest.getDefaultInstance());
		assertThat(list.getUnknownFields().asMap()).isEmpty();
		assertThat(list.getStatusesMap()).containsEntry("demo.Inventory", status(ServingStatus.NOT_SERVING))
			.allSatisfy((service, response) -> assertThat(response).isEqualTo(status(response.getStatus())));

		assertThat(this.recorder.seen()).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((metadata) -> assertThat(details)
				.allSatisfy((detail) -> assertThat(metadata).doesNotContain(detail)));
	}

	private HealthBlockingStub stub() {
		return HealthGrpc.newBlockingStub(ClientInterceptors.intercept(this.channel, this.recorder))
			.withDeadlineAfter(5, TimeUnit.SECONDS);
	}

	private HealthCheckResponse firstWatchMessage(String service) throws Exception {
		Context.CancellableContext watching = Context.current().withCancellation();
		try {
			return watching.call(() -> stub().watch(request(service)).next());
		}
		finally {
			watching.cancel(null);
		}
	}

	// Every text under a component's "details", except those of the grpc mirror
	// (statuses).
	private static List<String> detailValues(Map<?, ?> components) {
		List<String> values = new ArrayList<>();
		components.forEach((name, component) -> {
			if (!"grpc".equals(name) && component instanceof Map<?, ?> map && map.get("details") != null) {
				collectTexts(map.get("details"), values);
			}
		});
		return values;
	}

	private static void collectTexts(Object node, List<String> values) {
		if (node instanceof Map<?, ?> map) {
			map.values().forEach((value) -> collectTexts(value, values));
		}
		else if (node instanceof Collection<?> collection) {
			collection.forEach((value) -> collectTexts(value, values));
		}
		else if (node instanceof String text) {
			values.add(text);
		}
	}

	private static HealthCheckRequest request(String service) {
		return HealthCheckRequest.newBuilder().setService(service).build();
	}

	private static HealthCheckResponse status(ServingStatus status) {
		return HealthCheckResponse.newBuilder().setStatus(status).build();
	}

}
