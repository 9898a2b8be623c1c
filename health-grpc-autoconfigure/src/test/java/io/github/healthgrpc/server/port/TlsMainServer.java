package io.github.healthgrpc.server.port;

import io.github.healthgrpc.server.TestGrpcServer;

/**
 * How each gRPC server is told to serve its port with TLS only, and which property sets
 * that port.
 */
final class TlsMainServer {

	private TlsMainServer() {
	}

	/**
	 * The properties that make the server's main port require TLS with the given
	 * certificate.
	 * @param server the server
	 * @param certificate the server's certificate
	 * @return the properties
	 */
	static String[] properties(TestGrpcServer server, TestCertificate certificate) {
		String chain = "file:" + certificate.certificate();
		String key = "file:" + certificate.privateKey();
		return switch (server) {
			case DEVH -> new String[] { "grpc.server.security.enabled=true",
					"grpc.server.security.certificate-chain=" + chain, "grpc.server.security.private-key=" + key };
			case BOOT -> new String[] { "spring.ssl.bundle.pem.main.keystore.certificate=" + chain,
					"spring.ssl.bundle.pem.main.keystore.private-key=" + key, "spring.grpc.server.ssl.bundle=main" };
		};
	}

	/**
	 * The property that sets the server's main port.
	 * @param server the server
	 * @return the property name
	 */
	static String portProperty(TestGrpcServer server) {
		return switch (server) {
			case DEVH -> "grpc.server.port";
			case BOOT -> "spring.grpc.server.port";
		};
	}

}
