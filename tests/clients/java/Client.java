import java.net.URL;
import java.util.List;

import provisioning.v2.ApplyExtensionConfigurationResponseServer;
import provisioning.v2.ApplyExtensionConfigurationResult;
import provisioning.v2.EnvironmentFilter;
import provisioning.v2.Extension;
import provisioning.v2.ExtensionFilter;
import provisioning.v2.ExtensionResult;
import provisioning.v2.ExtensionsResult;
import provisioning.v2.Location;
import provisioning.v2.Provisioning;
import provisioning.v2.ProvisioningService;
import provisioning.v2.RecordingMode;
import provisioning.v2.Status;
import provisioning.v2.TokenResult;

/**
 * A client of the Provisioning API on the classes that {@code wsimport -p provisioning.v2} generates from the served
 * WSDL: token, create, get, list, apply, release. Usage: Client URL LOGIN PASSWORD ADDRESS RECORDER. Exit 0 only when
 * every step answers OK, the extension reads back as written and the recorder runs the configuration.
 *
 * <p>The request wrappers are sequences, as JAX-WS publishes them, so wsimport unwraps them: one method parameter per
 * field ({@code requestToken(eid, loginName, password)}), as stubs generated from the vendor's WSDL have.
 */
public final class Client {
    private Client() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            fail("usage: Client URL LOGIN PASSWORD ADDRESS RECORDER");
        }
        String address = args[3];
        Provisioning port = new ProvisioningService(new URL(args[0] + "?wsdl")).getProvisioningPort();

        TokenResult token = port.requestToken("0000", args[1], args[2]);
        step("requestToken", token.getStatus());

        Extension written = new Extension();
        written.setEid("0000");
        written.setExtension(address);
        written.setRecordingMode(RecordingMode.ON_DEMAND);
        written.setVoice(true);
        written.setVideo(true);
        step("createExtension", port.createExtension(token.getToken(), written));

        EnvironmentFilter environment = new EnvironmentFilter();
        environment.setEid("0000");
        ExtensionResult got = port.getExtension(token.getToken(), environment, address);
        step("getExtension", got.getStatus());
        check("getExtension", got.getExtension(), address);

        ExtensionFilter filter = new ExtensionFilter();
        filter.setExtension(address);
        ExtensionsResult listed = port.listExtensions(token.getToken(), filter);
        step("listExtensions", listed.getStatus());
        List<Extension> extensions = listed.getExtensions();
        if (extensions.size() != 1) {
            fail("listExtensions: expected 1 extension, got " + extensions.size());
        }
        check("listExtensions", extensions.get(0), address);

        Location location = new Location();
        location.setEid("0000");
        location.setLocation(args[4]);
        ApplyExtensionConfigurationResult applied = port.applyExtensionConfiguration(token.getToken(), List.of(location), true, true);
        step("applyExtensionConfiguration", applied.getStatus());
        List<ApplyExtensionConfigurationResponseServer> statuses = applied.getStatuses();
        if (statuses.size() != 1 || !args[4].equals(statuses.get(0).getLocation()) || !statuses.get(0).isSuccess()
                || statuses.get(0).getRevision() == null) {
            fail("applyExtensionConfiguration: expected " + args[4] + " to succeed with a revision, got " + statuses.size() + " statuses");
        }
        System.out.println("applyExtensionConfiguration: " + statuses.get(0).getLocation() + " success=true " + statuses.get(0).getMessage());

        step("releaseToken", port.releaseToken(token.getToken()));
    }

    private static void step(String name, Status status) {
        String code = status == null || status.getStatusCode() == null ? null : status.getStatusCode().value();
        if (!"OK".equals(code)) {
            fail(name + ": status " + code + (status == null ? "" : " " + status.getMessage()));
        }
        System.out.println(name + ": OK");
    }

    private static void check(String name, Extension e, String address) {
        if (e == null) {
            fail(name + ": no extension in the answer");
        }
        String seen = String.format("extension=%s recordingMode=%s voice=%s video=%s im=%s",
            e.getExtension(), e.getRecordingMode(), e.isVoice(), e.isVideo(), e.isIm());
        String expected = String.format("extension=%s recordingMode=ON_DEMAND voice=true video=true im=false", address);
        if (!expected.equals(seen)) {
            fail(name + ": expected " + expected + ", got " + seen);
        }
        System.out.println(name + ": " + seen);
    }

    private static void fail(String message) {
        System.err.println("FAILED " + message);
        System.exit(1);
    }
}
