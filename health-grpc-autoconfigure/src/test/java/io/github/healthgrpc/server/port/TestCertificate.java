package io.github.healthgrpc.server.port;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made for a test
 * with the JDK's own {@code keytool} (no download, no extra library) and written as the
 * PEM files that both servers read: the certificate and its PKCS#8 private key.
 *
 * @param certificate the PEM certificate, also what a client trusts
 * @param privateKey the PEM private key
 */
record TestCertificate(Path certificate, Path privateKey) {

	private static final String PASSWORD = "changeit";

	/**
	 * Make a certificate in the given folder.
	 * @param folder where the files go
	 * @return the certificate
	 */
	static TestCertificate createIn(Path folder) throws IOException, InterruptedException, GeneralSecurityException {
		Path keyStore = folder.resolve("server.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg",
				"RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext",
				"SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished: %s", output).isTrue();
		assertThat(process.exitValue()).as("keytool's exit code: %s", output).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		Path certificate = Files.writeString(folder.resolve("server.crt"),
				pem("CERTIFICATE", store.getCertificate("server").getEncoded()));
		Path privateKey = Files.writeString(folder.resolve("server.key"),
				pem("PRIVATE KEY", store.getKey("server", PASSWORD.toCharArray()).getEncoded()));
		return new TestCertificate(certificate, privateKey);
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

}
