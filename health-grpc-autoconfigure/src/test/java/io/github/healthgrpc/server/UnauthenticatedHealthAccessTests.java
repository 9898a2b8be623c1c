package io.github.healthgrpc.server;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.healthgrpc.grpc.ByteArrayMarshaller;
import io.github.healthgrpc.proto.health.v1.HealthCheckRequest;
import io.github.healthgrpc.proto.health.v1.HealthCheckResponse;
import io.github.healthgrpc.proto.health.v1.HealthGrpc;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.ServerCalls;
import net.devh.boot.grpc.common.util.InterceptorOrder;
import net.devh.boot.grpc.server.interceptor.GrpcGlobalServerInterceptor;
import net.devh.boot.grpc.server.service.GrpcService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Proves, on each supported server with an application's global interceptor that rejects
 * calls without an {@code authorization} header, that
 * {@code grpc.health.security.allow-unauthenticated} decides whether Health answers
 * callers without credentials, and that the application's other services stay protected
 * either way.
 */
class UnauthenticatedHealthAccessTests {

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final MethodDescriptor<byte[], byte[]> ECHO = ByteArrayMarshaller.method("test.Echo/Say",
			MethodDescriptor.MethodType.UNARY);

	private TestGrpcServer.Started server;

	private ManagedChannel channel;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.channel != null) {
			this.channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@ParameterizedTest
	@EnumSource
	void byDefaultHealthAnswersWithoutCredentialsWhileOtherServicesRequireThem(TestGrpcServer server) {
		start(server);
		Channel anonymous = this.channel;
		assertThat(check(anonymous).getStatus()).isIn(HealthCheckResponse.ServingStatus.SERVING,
				HealthCheckResponse.ServingStatus.NOT_SERVING);
		assertThat(HealthGrpc.newBlockingStub(anonymous)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.watch(HealthCheckRequest.getDefaultInstance())
			.hasNext()).isTrue();
		assertUnauthenticated(() -> echo(anonymous));
		assertThat(echo(withCredentials())).containsExactly(42);
	}

	@ParameterizedTest
	@EnumSource
	void byDefaultAMalformedHealthRequestWithoutCredentialsIsStillInvalidArgument(TestGrpcServer server) {
		start(server);
		MethodDescriptor<byte[], byte[]> rawCheck = ECHO.toBuilder()
			.setFullMethodName(HealthGrpc.getCheckMethod().getFullMethodName())
			.build();
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> ClientCalls.blockingUnaryCall(this.channel, rawCheck, options(),
					new byte[] { 0x0A, 0x02, (byte) 0xC3, 0x28 }))
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}

	@ParameterizedTest
	@EnumSource
	void whenNotAllowedHealthRequiresCredentialsLikeEveryOtherService(TestGrpcServer server) {
		start(server, "grpc.health.security.allow-unauthenticated=false");
		assertUnauthenticated(() -> check(this.channel));
		assertThat(check(withCredentials()).getStatus()).isIn(HealthCheckResponse.ServingStatus.SERVING,
				HealthCheckResponse.ServingStatus.NOT_SERVING);
		assertUnauthenticated(() -> echo(this.channel));
	}

	private void start(TestGrpcServer server, String... properties) {
		this.server = server.start(SecuredServer.class,
				Stream.concat(Stream.of("grpc.health.shutdown.drain-delay=0s"), Arrays.stream(properties))
					.toArray(String[]::new));
		assertThat(this.server.port()).isPositive();
		this.channel = NettyChannelBuilder.forAddress("127.0.0.1", this.server.port()).usePlaintext().build();
	}

	private Channel withCredentials() {
		Metadata headers = new Metadata();
		headers.put(AUTHORIZATION, "Bearer test");
		return ClientInterceptors.intercept(this.channel, MetadataUtils.newAttachHeadersInterceptor(headers));
	}

	private static HealthCheckResponse check(Channel channel) {
		return HealthGrpc.newBlockingStub(channel)
			.withDeadlineAfter(10, TimeUnit.SECONDS)
			.check(HealthCheckRequest.getDefaultInstance());
	}

	private static byte[] echo(Channel channel) {
		return ClientCalls.blockingUnaryCall(channel, ECHO, options(), new byte[] { 42 });
	}

	private static CallOptions options() {
		return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
	}

	private static void assertUnauthenticated(Runnable call) {
		assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
	}

	/**
	 * The same application on either server: each reads its own annotations and ignores
	 * the other's. Spring Boot's server binds every BindableService bean; devh binds
	 * {@code @GrpcService} ones.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SecuredServer {

		// On devh, as early as an application can put its own interceptor without tying
		// with health-grpc's; on Spring Boot's server, first of the global interceptors.
		@Bean
		@GrpcGlobalServerInterceptor
		@GlobalServerInterceptor
		@Order(InterceptorOrder.ORDER_FIRST + 1)
		ServerInterceptor requireAuthorization() {
			return new ServerInterceptor() {
				@Override
				public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call,
						Metadata headers, ServerCallHandler<ReqT, RespT> next) {
					if (headers.get(AUTHORIZATION) == null) {
						call.close(Status.UNAUTHENTICATED.withDescription("No credentials"), new Metadata());
						return new ServerCall.Listener<>() {
						};
					}
					return next.startCall(call, headers);
				}
			};
		}

		@Bean
		@GrpcService
		BindableService echoService() {
			return () -> ServerServiceDefinition.builder("test.Echo")
				.addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
					response.onNext(request);
					response.onCompleted();
				}))
				.build();
		}

	}

}
