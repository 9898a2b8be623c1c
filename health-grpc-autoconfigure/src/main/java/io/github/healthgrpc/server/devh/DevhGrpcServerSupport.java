package io.github.healthgrpc.server.devh;

import io.github.healthgrpc.server.GrpcServerSupport;

/**
 * devh's gRPC server, as startup failures name it.
 *
 * @since 0.1.0
 */
public class DevhGrpcServerSupport extends GrpcServerSupport {

	/**
	 * The server's auto-configuration class, whose presence says the server is there.
	 */
	public static final String AUTO_CONFIGURATION = "net.devh.boot.grpc.server.autoconfigure."
			+ "GrpcServerFactoryAutoConfiguration";

	/**
	 * Describe the server; {@code META-INF/spring.factories} lists this class.
	 */
	public DevhGrpcServerSupport() {
		super("devh's gRPC server", "net.devh:grpc-server-spring-boot-starter", "net.devh.boot.grpc.server.",
				"spring.autoconfigure.exclude=" + AUTO_CONFIGURATION, AUTO_CONFIGURATION);
	}

}
