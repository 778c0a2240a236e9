"""A client of the Provisioning API built by zeep from the served WSDLs: token, create, get, list, apply, a storage
policy created and listed, the v3 statistics, release.

Usage: /usr/bin/python3 zeep_client.py URL LOGIN PASSWORD ADDRESS RECORDER V3_URL
Exits 0 only when every step answers OK, the extension reads back as written, the recorder runs the configuration, the
policy is listed and the statistics count the extension.
"""
import sys

import zeep

EXPECTED = {"recordingMode": "ON_DEMAND", "voice": True, "video": True, "im": False}


def fail(message):
    print("FAILED " + message, file=sys.stderr)
    sys.exit(1)


def step(name, status):
    code = status.statusCode if status is not None else None
    if code != "OK":
        fail(f"{name}: status {code} {status.message if status is not None else ''}")
    print(f"{name}: OK")


def check(name, extension, address):
    if extension is None:
        fail(f"{name}: no extension in the answer")
    seen = {key: extension[key] for key in EXPECTED}
    if extension.extension != address or seen != EXPECTED:
        fail(f"{name}: expected {address} {EXPECTED}, got {extension.extension} {seen}")
    print(f"{name}: {extension.extension} {seen}")


def check_applied(statuses, recorder):
    if len(statuses) != 1 or statuses[0][0] != recorder or statuses[0][1] is not True or not statuses[0][2]:
        fail(f"applyExtensionConfiguration: expected {recorder} to succeed with a revision, got {statuses}")
    print(f"applyExtensionConfiguration: {statuses[0][0]} success={statuses[0][1]} {statuses[0][3]}")


def check_policy(name, policy, policy_name):
    if policy is None or policy.name != policy_name or policy.action != "delete" or not policy.id:
        fail(f"{name}: expected policy {policy_name} (delete) with an id, got {policy}")
    print(f"{name}: {policy.name} id={policy.id} action={policy.action} olderThanYears={policy.olderThanYears}")


def check_statistics(environments):
    zero = [e for e in environments if e.eid == "0000"]
    modes = {m.recordingMode: m.count for m in zero[0].extensionsByRecordingMode} if zero else {}
    if len(zero) != 1 or zero[0].extensions < 1 or modes.get("ON_DEMAND", 0) < 1:
        fail(f"getStatistics: expected 0000 with an ON_DEMAND extension, got {environments}")
    print(f"getStatistics: 0000 extensions={zero[0].extensions} ON_DEMAND={modes['ON_DEMAND']} users={zero[0].users}")


def main(url, login, password, address, recorder, v3_url):
    service = zeep.Client(url + "?wsdl").service

    answer = service.requestToken(eid="0000", loginName=login, password=password)
    step("requestToken", answer.status)
    token = answer.token

    created = service.createExtension(token=token, extension={
        "eid": "0000", "extension": address, "recordingMode": "ON_DEMAND", "voice": True, "video": True})
    step("createExtension", created)

    got = service.getExtension(token=token, environmentFilter={"eid": "0000"}, extension=address)
    step("getExtension", got.status)
    check("getExtension", got.extension, address)

    listed = service.listExtensions(token=token, filter={"extension": address})
    step("listExtensions", listed.status)
    if len(listed.extensions) != 1:
        fail(f"listExtensions: expected 1 extension, got {len(listed.extensions)}")
    check("listExtensions", listed.extensions[0], address)

    applied = service.applyExtensionConfiguration(
        token=token, theseServersOnly=[{"eid": "0000", "location": recorder}],
        returnSuccessfulStatuses=True, forceEvenIfNotRegistered=True)
    step("applyExtensionConfiguration", applied.status)
    check_applied([(s.location, s.success, s.revision, s.message) for s in applied.statuses], recorder)

    policy_name = "keep-" + address
    created = service.createStoragePolicy(token=token, storagePolicy={
        "eid": "0000", "name": policy_name, "action": "delete", "olderThanYears": 7})
    step("createStoragePolicy", created.status)
    check_policy("createStoragePolicy", created.storagePolicy, policy_name)
    policies = service.listStoragePoliciesByEid(token=token, eid="0000")
    step("listStoragePoliciesByEid", policies.status)
    check_policy("listStoragePoliciesByEid", next((p for p in policies.storagePolicies if p.name == policy_name), None), policy_name)

    statistics = zeep.Client(v3_url + "?wsdl").service.getStatistics(token=token)
    step("getStatistics", statistics.status)
    check_statistics(statistics.environments)

    step("releaseToken", service.releaseToken(token=token))


if __name__ == "__main__":
    if len(sys.argv) != 7:
        fail("usage: zeep_client.py URL LOGIN PASSWORD ADDRESS RECORDER V3_URL")
    main(*sys.argv[1:])
