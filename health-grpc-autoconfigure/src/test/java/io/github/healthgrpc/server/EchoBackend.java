package io.github.healthgrpc.server;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.github.healthgrpc.check.ManualHealthCheck;
import io.github.healthgrpc.grpc.ByteArrayMarshaller;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import net.devh.boot.grpc.server.service.GrpcService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One backend of a balanced client, on either server: {@code test.Backend}, whose one
 * method answers with the backend's name ({@code backend.name}) and remembers when each
 * call arrived, and the check {@code ready} that its health follows.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class EchoBackend {

	/** The service that health-checking clients watch. */
	static final String SERVICE = "test.Backend";

	/** Answers with the name of the backend that took the call. */
	static final MethodDescriptor<byte[], byte[]> WHO = ByteArrayMarshaller.method(SERVICE + "/Who",
			MethodDescriptor.MethodType.UNARY);

	/**
	 * The properties that map {@link #SERVICE} to {@code ready}.
	 * @param name the backend's name
	 * @return the properties
	 */
	static String[] properties(String name) {
		return new String[] { "backend.name=" + name, "grpc.health.services." + SERVICE + ".include=ready" };
	}

	@Bean
	ManualHealthCheck ready() {
		ManualHealthCheck ready = new ManualHealthCheck("ready");
		ready.up();
		return ready;
	}

	@Bean
	Arrivals arrivals() {
		return new Arrivals();
	}

	// Spring Boot's server binds every BindableService bean, devh the @GrpcService ones.
	@Bean
	@GrpcService
	BindableService backendService(@Value("${backend.name}") String name, Arrivals arrivals) {
		byte[] answer = name.getBytes(StandardCharsets.UTF_8);
		return () -> ServerServiceDefinition.builder(SERVICE)
			.addMethod(WHO, ServerCalls.asyncUnaryCall((request, response) -> {
				arrivals.add(System.nanoTime());
				response.onNext(answer);
				response.onCompleted();
			}))
			.build();
	}

	/**
	 * When each call arrived at this backend, from {@link System#nanoTime()}.
	 */
	static final class Arrivals {

		private final Queue<Long> nanos = new ConcurrentLinkedQueue<>();

		void add(long at) {
			this.nanos.add(at);
		}

		/**
		 * Calls that arrived after a moment.
		 * @param since the moment
		 * @return how many
		 */
		long since(long since) {
			return this.nanos.stream().filter((at) -> at > since).count();
		}

		/**
		 * When the last call arrived.
		 * @return the moment, or {@code Long.MIN_VALUE} before the first call
		 */
		long last() {
			return this.nanos.stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
		}

	}

}
