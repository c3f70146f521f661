"""PHP snippets that read a shop's settings the way each official plugin's config getter does.

They are the judge of the database stores: Debian's `php` with PDO MySQL reads the real database
(PrestaShop's Configuration::get with its shop > group > global fallback; WooCommerce's
get_general_option over the unserialized array; Magento's ScopeConfig with store view > website >
default > etc/config.xml), then computes what the plugins' SDK would (the signature of a form).
Written from the plugins' documented behaviour, not copied from them.
"""

from __future__ import annotations

import json
import subprocess

# The SDK's rule: SHA-1 unless the stored value is exactly SHA-256.
_SDK = r'''
function sdk_algo($stored) {
    $algo = 'SHA-1';
    if (in_array($stored, array('SHA-1', 'SHA-256'), true)) { $algo = $stored; }
    return $algo;
}
function sdk_sign($fields, $key, $algo) {
    ksort($fields);
    $content = '';
    foreach ($fields as $name => $value) {
        if (substr($name, 0, 5) === 'vads_') { $content .= $value . '+'; }
    }
    $content .= $key;
    if ($algo === 'SHA-256') { return base64_encode(hash_hmac('sha256', $content, $key, true)); }
    return sha1($content);
}
function db($a) {
    return new PDO('mysql:host=127.0.0.1;port=' . $a['port'] . ';dbname=' . $a['db'] . ';charset=utf8mb4',
                   $a['user'], $a['password'], array(PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION));
}
// PrestaShop Configuration::get(name, lang, id_shop_group, id_shop): shop row, else group, else global; false when none.
function ps_get($pdo, $name, $shop) {
    $group = null;
    if ($shop) {
        $q = $pdo->prepare('SELECT id_shop_group FROM ps_shop WHERE id_shop = ?'); $q->execute(array($shop));
        $group = $q->fetchColumn();
    }
    $tries = array();
    if ($shop) { $tries[] = array('id_shop = ?', array($shop)); }
    if ($group) { $tries[] = array('id_shop_group = ? AND (id_shop IS NULL OR id_shop = 0)', array($group)); }
    $tries[] = array('(id_shop_group IS NULL OR id_shop_group = 0) AND (id_shop IS NULL OR id_shop = 0)', array());
    foreach ($tries as $t) {
        $q = $pdo->prepare('SELECT value FROM ps_configuration WHERE name = ? AND ' . $t[0] . ' ORDER BY id_configuration');
        $q->execute(array_merge(array($name), $t[1]));
        $rows = $q->fetchAll(PDO::FETCH_COLUMN);
        if ($rows) { return end($rows); }
    }
    return false;
}
// WooCommerce plugin get_general_option(): '' when the array has no such entry.
function woo_get($pdo, $option, $key) {
    $q = $pdo->prepare('SELECT option_value FROM wp_options WHERE option_name = ?'); $q->execute(array($option));
    $s = unserialize($q->fetchColumn());
    return isset($s[$key]) ? $s[$key] : '';
}
// Magento ScopeConfig::getValue(path, 'store', id): store view, website, default, then etc/config.xml.
function mage_get($pdo, $path, $scope, $id) {
    $defaults = array('payzen/general/site_id' => '12345678', 'payzen/general/key_test' => '1111111111111111',
                      'payzen/general/key_prod' => '2222222222222222', 'payzen/general/ctx_mode' => 'TEST',
                      'payzen/general/sign_algo' => 'SHA-256');
    $chain = array();
    if ($scope === 'stores') {
        $chain[] = array('stores', $id);
        $q = $pdo->prepare('SELECT website_id FROM store WHERE store_id = ?'); $q->execute(array($id));
        $chain[] = array('websites', (int) $q->fetchColumn());
    } elseif ($scope === 'websites') {
        $chain[] = array('websites', $id);
    }
    $chain[] = array('default', 0);
    foreach ($chain as $c) {
        $q = $pdo->prepare('SELECT value FROM core_config_data WHERE scope = ? AND scope_id = ? AND path = ?');
        $q->execute(array($c[0], $c[1], $path));
        $v = $q->fetch(PDO::FETCH_NUM);
        if ($v !== false) { return $v[0]; }
    }
    return isset($defaults[$path]) ? $defaults[$path] : null;
}
'''

_MAIN = r'''
$a = json_decode(stream_get_contents(STDIN), true);
$pdo = db($a);
$out = array();
foreach ($a['read'] as $label => $r) {
    if ($r['type'] === 'prestashop') { $v = ps_get($pdo, $r['name'], $r['shop']); }
    elseif ($r['type'] === 'woocommerce') { $v = woo_get($pdo, $r['option'], $r['name']); }
    else { $v = mage_get($pdo, $r['name'], $r['scope'], $r['scope_id']); }
    $out[$label] = $v;
}
if (isset($a['sign'])) {
    $algo = sdk_algo($out[$a['sign']['algo']]);
    $out['_algo'] = $algo === 'SHA-256' ? 'HMAC-SHA-256' : 'SHA-1';
    $out['_signature'] = sdk_sign($a['sign']['fields'], $a['sign']['key'], $algo);
}
echo json_encode($out);
'''


def judge(server, database, read, sign=None):
    """Run the PHP judge: read = {label: {type, name, ...}}; sign = {algo: label, fields, key}."""
    payload = {"port": server.port, "user": server.user, "password": server.password, "db": database,
               "read": read}
    if sign:
        payload["sign"] = sign
    proc = subprocess.run(["php", "-r", _SDK + _MAIN], input=json.dumps(payload).encode(), capture_output=True,
                          check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode() + proc.stdout.decode()
    return json.loads(proc.stdout)


def sodium(code, stdin):
    """Run PHP's sodium on JSON input; returns stdout text."""
    proc = subprocess.run(["php", "-r", code], input=json.dumps(stdin).encode(), capture_output=True, check=False,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr.decode() + proc.stdout.decode()
    return proc.stdout.decode()


# Magento's Encryptor with sodium, in PHP: decrypt <version>:3:<base64> and encrypt with the current key.
MAGENTO_DECRYPT = r'''
$a = json_decode(stream_get_contents(STDIN), true);
$keys = preg_split('/\s+/s', trim($a['env_key']));
$p = explode(':', $a['value'], 3);
$d = base64_decode($p[2]);
$n = substr($d, 0, SODIUM_CRYPTO_AEAD_CHACHA20POLY1305_IETF_NPUBBYTES);
echo sodium_crypto_aead_chacha20poly1305_ietf_decrypt(substr($d, SODIUM_CRYPTO_AEAD_CHACHA20POLY1305_IETF_NPUBBYTES),
                                                      $n, $n, $keys[(int) $p[0]]);
'''
MAGENTO_ENCRYPT = r'''
$a = json_decode(stream_get_contents(STDIN), true);
$keys = preg_split('/\s+/s', trim($a['env_key']));
$v = count($keys) - 1;
$n = random_bytes(SODIUM_CRYPTO_AEAD_CHACHA20POLY1305_IETF_NPUBBYTES);
echo $v . ':3:' . base64_encode($n . sodium_crypto_aead_chacha20poly1305_ietf_encrypt($a['value'], $n, $n, $keys[$v]));
'''
