# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Magento 2's encrypted configuration values, as ``Magento\\Framework\\Encryption\\Encryptor`` writes them.

Settings whose backend model is ``Magento\\Config\\Model\\Config\\Backend\\Encrypted`` (the plugin's REST
private and return keys) are stored as ``<key version>:3:<base64(nonce + ciphertext + tag)>``: cipher 3 is
libsodium's ChaCha20-Poly1305 IETF, a random 12-byte nonce that is also the additional data, and the crypt
key of ``app/etc/env.php`` (``crypt/key``). That setting may hold several keys separated by white space
(after a key change); the last one is the current version, older ones still decrypt. A key written as
``base64<...>`` (Magento 2.4.7 and later) is base64-decoded first. Decrypted text is trimmed, as Magento does.

The crypto is the ``cryptography`` package (a dependency of ansible-core). ``env.php`` is a PHP file that
returns an array, so it is read by PHP itself (``include``, as Magento does), run through the module's
``run_command``; the key comes back on a pipe, never on a command line.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import base64
import binascii
import os
import shutil

CIPHER_CHACHA20POLY1305 = 3
NONCE_BYTES = 12
KEY_BYTES = 32
_KEY_PREFIX = "base64"

_READ_ENV = (
    "$c = include $argv[1];"
    "$k = is_array($c) && isset($c['crypt']['key']) ? $c['crypt']['key'] : null;"
    "if (!is_string($k)) { exit(3); }"
    "echo $k;"
)


class CryptError(Exception):
    """A problem with Magento's crypt key or an encrypted value; never contains a key or a value."""


def env_file(magento_root):
    return os.path.join(magento_root, "app", "etc", "env.php")


TIMED_OUT = 124  # coreutils timeout's exit code


def bounded(argv, seconds):
    """argv run under coreutils `timeout` where there is one: AnsibleModule.run_command has no time limit,
    and a PHP or bin/magento that hangs must not hang the module (and its host's go-live) for ever."""
    timeout = shutil.which("timeout")
    return ([timeout, "-k", "5", str(int(seconds))] + list(argv)) if timeout else list(argv)


def read_keys(magento_root, run_command):
    """The crypt keys of a Magento install, oldest first (the last is the current version).

    ``run_command`` is ``AnsibleModule.run_command`` (the module's, so the PHP call is logged and run
    as Ansible runs commands).
    """
    path = env_file(magento_root)
    if not os.path.isfile(path):
        raise CryptError("%s does not exist: store.magento_root must be the Magento root folder, whose "
                         "app/etc/env.php holds the crypt key" % path)
    php = shutil.which("php")
    if not php:
        raise CryptError("reading the crypt key of %s needs PHP (php-cli), which Magento itself runs on" % path)
    try:
        # The PHP code holds '$' names: no variable expansion. Bytes back: the key is decoded below.
        rc, out, _err = run_command(bounded([php, "-r", _READ_ENV, path], 60), encoding=None,
                                    expand_user_and_vars=False, handle_exceptions=False)
    except (OSError, IOError) as exc:
        raise CryptError("cannot run PHP to read %s: %s" % (path, exc.__class__.__name__))
    if rc == 3:
        raise CryptError("%s holds no crypt key (crypt/key): is it Magento's env.php?" % path)
    if rc == TIMED_OUT:
        raise CryptError("PHP did not read %s within 60 s (stopped)" % path)
    if rc:
        raise CryptError("PHP could not read %s (exit %d)" % (path, rc))
    return parse_keys(out.decode("utf-8", "replace"), path)


def parse_keys(text, where="env.php"):
    keys = []
    for word in text.split():
        key = word.encode("utf-8")
        if word.startswith(_KEY_PREFIX):
            try:
                key = base64.b64decode(word[len(_KEY_PREFIX):], validate=True)
            except (binascii.Error, ValueError):
                raise CryptError("the crypt key of %s starts with base64 but is not base64" % where)
        keys.append(key)
    if not keys:
        raise CryptError("the crypt key of %s is empty" % where)
    return keys


def _aead(key, version, where):
    if len(key) != KEY_BYTES:
        raise CryptError("crypt key version %d of %s is %d bytes long; ChaCha20-Poly1305 needs %d"
                         % (version, where, len(key), KEY_BYTES))
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305  # pylint: disable=import-outside-toplevel
    return ChaCha20Poly1305(key)


def encrypt(value, keys, where="env.php"):
    """``<current version>:3:<base64>``, as Encryptor::encrypt() writes with sodium."""
    version = len(keys) - 1
    nonce = os.urandom(NONCE_BYTES)
    sealed = _aead(keys[version], version, where).encrypt(nonce, value.encode("utf-8"), nonce)
    return "%d:%d:%s" % (version, CIPHER_CHACHA20POLY1305, base64.b64encode(nonce + sealed).decode("ascii"))


def is_encrypted(text):
    parts = (text or "").split(":", 2)
    return len(parts) == 3 and parts[0].isdigit() and parts[1].isdigit()


def decrypt(text, keys, where="env.php"):
    """The clear value of ``<version>:3:<base64>``; CryptError when it cannot be read with these keys."""
    parts = text.split(":", 2)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        raise CryptError("the value is not in Magento's encrypted format <version>:<cipher>:<base64>")
    version, cipher = int(parts[0]), int(parts[1])
    if cipher != CIPHER_CHACHA20POLY1305:
        raise CryptError("the value is encrypted with Magento's legacy cipher %d, which this collection cannot "
                         "read: write it again (it is then encrypted with cipher 3)" % cipher)
    if version >= len(keys):
        raise CryptError("the value is encrypted with crypt key version %d, but %s holds %d key(s): wrong env.php?"
                         % (version, where, len(keys)))
    try:
        data = base64.b64decode(parts[2], validate=True)
    except (binascii.Error, ValueError):
        raise CryptError("the encrypted value is not valid base64")
    if len(data) < NONCE_BYTES + 16:
        raise CryptError("the encrypted value is too short")
    from cryptography.exceptions import InvalidTag  # pylint: disable=import-outside-toplevel
    nonce = data[:NONCE_BYTES]
    try:
        clear = _aead(keys[version], version, where).decrypt(nonce, data[NONCE_BYTES:], nonce)
    except InvalidTag:
        raise CryptError("the value does not decrypt with crypt key version %d of %s: wrong env.php, or a key "
                         "changed without re-encrypting the configuration?" % (version, where))
    try:
        return clear.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise CryptError("the decrypted value is not UTF-8 text")
