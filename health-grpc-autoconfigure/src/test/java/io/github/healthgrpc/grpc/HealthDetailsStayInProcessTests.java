package io.github.healthgrpc.grpc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthListRequest;
import io.github.healthgrpc.proto.health.v1.HealthListResponse;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that health details (hosts, exception messages) never leave the process over
 * gRPC: Check, List and Watch answer with the status and nothing else, in the messages,
 * the headers and the trailers.
 */
class HealthDetailsStayInProcessTests {

	private static final List<String> SECRETS = List.of("secret.internal", "5432", "hunter2", "PSQLException",
			"IllegalStateException");

	private final StatusStore store = new StatusStore();

	private final List<String> metadata = new CopyOnWriteArrayList<>();

	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.inProcess();

	private RawHealthCalls raw;

	@BeforeEach
	void start() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db")));
		this.store.setAcceptingTraffic(true);
		this.store.record("db",
				Health.down(new IllegalStateException("PSQLException: password hunter2 rejected"))
					.withDetail("host", "secret.internal:5432")
					.build());
		this.server.start(new HealthGrpcService(this.store, 100));
		this.raw = new RawHealthCalls(ClientInterceptors.intercept(this.server.channel(), new MetadataRecorder()));
	}

	@Test
	void theDetailsAreInTheStore() {
		assertThat(this.store.checkResult("db").getDetails().toString()).contains("secret.internal:5432", "hunter2");
	}

	@Test
	void checkAnswersTheStatusAndNothingElse() {
		byte[] response = this.raw.check(request("demo.Inventory"));
		assertThat(response).isEqualTo(notServing().toByteArray());
		assertNoSecrets(response);
	}

	@Test
	void watchAnswersTheStatusAndNothingElse() {
		List<byte[]> messages = this.raw.watch(request(""), 1);
		assertThat(messages.get(0)).isEqualTo(notServing().toByteArray());
		assertNoSecrets(messages.get(0));
	}

	@Test
	void listAnswersTheStatusesAndNothingElse() throws Exception {
		byte[] response = this.raw.list(HealthListRequest.getDefaultInstance().toByteArray());
		HealthListResponse parsed = HealthListResponse.parseFrom(response);
		assertThat(parsed.getStatusesMap()).containsOnly(Map.entry("", notServing()),
				Map.entry("demo.Inventory", notServing()));
		assertThat(parsed.getUnknownFields().asMap()).isEmpty();
		// Nothing beyond the two entries: the size of what came equals the size of what
		// we expect.
		assertThat(response).hasSize(parsed.getSerializedSize());
		assertNoSecrets(response);
	}

	private void assertNoSecrets(byte[] message) {
		String text = new String(message, StandardCharsets.ISO_8859_1);
		assertThat(SECRETS).allSatisfy((secret) -> assertThat(text).doesNotContain(secret));
		assertThat(this.metadata).isNotEmpty()
			.allSatisfy(
					(entry) -> assertThat(SECRETS).allSatisfy((secret) -> assertThat(entry).doesNotContain(secret)));
	}

	private static byte[] request(String service) {
		return HealthCheckRequest.newBuilder().setService(service).build().toByteArray();
	}

	private static HealthCheckResponse notServing() {
		return HealthCheckResponse.newBuilder().setStatus(ServingStatus.NOT_SERVING).build();
	}

	/**
	 * Records the response headers, the trailers and the closing status of every call.
	 */
	private final class MetadataRecorder implements ClientInterceptor {

		@Override
		public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
				CallOptions callOptions, Channel next) {
			return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
				@Override
				public void start(Listener<RespT> responseListener, Metadata headers) {
					super.start(
							new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(responseListener) {
								@Override
								public void onHeaders(Metadata headers) {
									HealthDetailsStayInProcessTests.this.metadata.add("headers " + headers);
									super.onHeaders(headers);
								}

								@Override
								public void onClose(Status status, Metadata trailers) {
									HealthDetailsStayInProcessTests.this.metadata
										.add("close " + status + " " + trailers);
									super.onClose(status, trailers);
								}
							}, headers);
				}
			};
		}

	}

}
