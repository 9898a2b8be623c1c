package io.github.healthgrpc.grpc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Proves end to end that a Watch client that stops reading makes the server hold no
 * backlog: once the client's flow-control window is full, 100,000 more status flips queue
 * at most the message the window cuts off, and once the client reads again it gets far
 * fewer messages than there were flips, the last one being the current status.
 */
class SlowWatchReaderTests {

	private static final int FLIPS = 100_000;

	private static final int CLIENT_WINDOW = 65_535;

	// A Watch message on the wire: the 5-byte gRPC frame header and a 2-byte response.
	private static final int MESSAGE_BYTES = 7;

	private static final int WINDOW_MESSAGES = CLIENT_WINDOW / MESSAGE_BYTES;

	private final StatusStore store = new StatusStore();

	private final CountingHealthGrpcService service = new CountingHealthGrpcService(this.store);

	private int flips;

	// Over Netty: the point is real HTTP/2 flow control filling up.
	@AutoClose
	private final HealthServiceServer server = HealthServiceServer.overNetty();

	private ManagedChannel channel;

	@BeforeEach
	void start() {
		this.store.defineServices(Map.of("", Set.of("db"), "demo.Inventory", Set.of("db", "pricing")));
		this.store.record("db", Health.up().build());
		this.store.record("pricing", Health.up().build());
		this.store.setAcceptingTraffic(true);
		this.server.start(this.service);
		this.channel = this.server
			.newChannel((builder) -> ((NettyChannelBuilder) builder).flowControlWindow(CLIENT_WINDOW));
	}

	@Test
	void aReaderThatStopsReadingGetsTheLatestStatusNotABacklog() {
		StalledReader reader = new StalledReader();
		HealthGrpc.newStub(this.channel)
			.watch(HealthCheckRequest.newBuilder().setService("demo.Inventory").build(), reader);
		await().atMost(Duration.ofSeconds(10)).until(() -> reader.received() == 1);
		// Flip until the server has handed grpc-java what the client's window holds: the
		// transport can take next to nothing more while the client reads nothing.
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
			flip(1_000);
			return this.service.watchMessagesSent() >= WINDOW_MESSAGES;
		});
		int sentBeforeStall = this.service.watchMessagesSent();
		flip(FLIPS);
		int sentDuringStall = this.service.watchMessagesSent() - sentBeforeStall;
		if (this.service.lastWatchMessage() == currentStatus()) {
			// End on a status the server has not handed to grpc-java yet, so it can reach
			// the client only through the send that follows the client reading again.
			flip(1);
		}
		ServingStatus finalStatus = currentStatus();
		assertThat(this.service.lastWatchMessage()).isNotEqualTo(finalStatus);
		reader.readAll();
		// Once the client has everything the server sent and the last of it is the
		// current status, the server has nothing more to send: no further change is
		// pending.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(reader.last()).isEqualTo(finalStatus);
			assertThat(reader.received()).isEqualTo(this.service.watchMessagesSent());
		});
		System.out.printf("Slow Watch reader: %d status flips in all, %d of them after the client's %d-byte window "
				+ "had filled; the server sent %d messages before that, %d during those %d flips and %d in all; the "
				+ "client received %d, the last %s%n", this.flips, FLIPS, CLIENT_WINDOW, sentBeforeStall,
				sentDuringStall, FLIPS, this.service.watchMessagesSent(), reader.received(), reader.last());
		// At most the message that the full window cut off, and one more for slack.
		assertThat(sentDuringStall).as("messages the server queued while the reader was stalled")
			.isLessThanOrEqualTo(2);
		assertThat(reader.received()).as("messages received for %d flips", this.flips).isLessThan(this.flips / 4);
	}

	private void flip(int times) {
		for (int i = 0; i < times; i++) {
			this.flips++;
			this.store.record("pricing", (this.flips % 2 == 0) ? Health.up().build() : Health.down().build());
		}
	}

	private ServingStatus currentStatus() {
		return ProtoStatuses.of(this.store.status("demo.Inventory"));
	}

}
