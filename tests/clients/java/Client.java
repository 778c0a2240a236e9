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
import provisioning.v2.StoragePoliciesResult;
import provisioning.v2.StoragePolicy;
import provisioning.v2.StoragePolicyResult;
import provisioning.v2.TokenResult;

/**
 * A client of the Provisioning API on the classes that {@code wsimport -p provisioning.v2} and {@code -p provisioning.v3}
 * generate from the served WSDLs: token, create, get, list, apply, a storage policy created and listed, the v3
 * statistics, release. Usage: Client URL LOGIN PASSWORD ADDRESS RECORDER V3_URL. Exit 0 only when every step answers OK,
 * the extension reads back as written, the recorder runs the configuration, the policy is listed and the statistics
 * count the extension.
 *
 * <p>The request wrappers are sequences, as JAX-WS publishes them, so wsimport unwraps them: one method parameter per
 * field ({@code requestToken(eid, loginName, password)}), as stubs generated from the vendor's WSDL have.
 */
public final class Client {
    private Client() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            fail("usage: Client URL LOGIN PASSWORD ADDRESS RECORDER V3_URL");
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

        String policyName = "keep-" + address;
        StoragePolicy policy = new StoragePolicy();
        policy.setEid("0000");
        policy.setName(policyName);
        policy.setAction("delete");
        policy.setOlderThanYears(7);
        StoragePolicyResult created = port.createStoragePolicy(token.getToken(), policy);
        step("createStoragePolicy", created.getStatus());
        checkPolicy("createStoragePolicy", created.getStoragePolicy(), policyName);
        StoragePoliciesResult policies = port.listStoragePoliciesByEid(token.getToken(), "0000");
        step("listStoragePoliciesByEid", policies.getStatus());
        checkPolicy("listStoragePoliciesByEid",
            policies.getStoragePolicies().stream().filter(p -> policyName.equals(p.getName())).findFirst().orElse(null), policyName);

        provisioning.v3.Provisioning v3 = new provisioning.v3.ProvisioningService(new URL(args[5] + "?wsdl")).getProvisioningPort();
        provisioning.v3.StatisticsResult statistics = v3.getStatistics(token.getToken());
        provisioning.v3.Status statisticsStatus = statistics.getStatus();
        String statisticsCode = statisticsStatus == null || statisticsStatus.getStatusCode() == null ? null : statisticsStatus.getStatusCode().value();
        if (!"OK".equals(statisticsCode)) {
            fail("getStatistics: status " + statisticsCode);
        }
        System.out.println("getStatistics: OK");
        provisioning.v3.EnvironmentStatistics zero = statistics.getEnvironments().stream()
            .filter(e -> "0000".equals(e.getEid())).findFirst().orElse(null);
        long onDemand = zero == null ? 0 : zero.getExtensionsByRecordingMode().stream()
            .filter(m -> m.getRecordingMode() == provisioning.v3.RecordingMode.ON_DEMAND).mapToLong(m -> m.getCount()).sum();
        if (zero == null || zero.getExtensions() < 1 || onDemand < 1) {
            fail("getStatistics: expected 0000 with an ON_DEMAND extension");
        }
        System.out.println("getStatistics: 0000 extensions=" + zero.getExtensions() + " ON_DEMAND=" + onDemand + " users=" + zero.getUsers());

        step("releaseToken", port.releaseToken(token.getToken()));
    }

    private static void checkPolicy(String name, StoragePolicy p, String policyName) {
        if (p == null || !policyName.equals(p.getName()) || !"delete".equals(p.getAction()) || p.getId() == null) {
            fail(name + ": expected policy " + policyName + " (delete) with an id");
        }
        System.out.println(name + ": " + p.getName() + " id=" + p.getId() + " action=" + p.getAction() + " olderThanYears=" + p.getOlderThanYears());
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
