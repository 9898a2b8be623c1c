package io.github.healthgrpc.resources;

import java.util.concurrent.TimeUnit;

import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse.ServingStatus;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.github.healthgrpc.server.TestGrpcServer;
import io.github.healthgrpc.store.StatusStore;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Configuration;

/**
 * An application on a real gRPC server, asked over a real connection how one service and
 * its check are doing.
 */
final class RunningService implements AutoCloseable {

	private final TestGrpcServer.Started application;

	private final ManagedChannel channel;

	private final String service;

	private final String check;

	RunningService(TestGrpcServer server, String service, String check, String... properties) {
		this.application = server.start(server.application(ResourcesApplication.class)
			.properties("grpc.health.shutdown.drain-delay=0s", "grpc.health.overall.include=" + check,
					"grpc.health.services." + service + ".include=" + check)
			.properties(properties));
		this.channel = NettyChannelBuilder.forAddress("127.0.0.1", this.application.port()).usePlaintext().build();
		this.service = service;
		this.check = check;
	}

	ServingStatus status() {
		return HealthGrpc.newBlockingStub(this.channel)
			.withDeadlineAfter(5, TimeUnit.SECONDS)
			.check(HealthCheckRequest.newBuilder().setService(this.service).build())
			.getStatus();
	}

	@Nullable Health result() {
		return this.application.context().getBean(StatusStore.class).checkResult(this.check);
	}

	@Override
	public void close() throws InterruptedException {
		this.channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		this.application.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ResourcesApplication {

	}

}
