// Cases from web-platform-tests mimesniff/mime-types/resources/mime-types.json and
// generated-mime-types.json (copies in servo/rust-url data-url/tests, commit 25137be), reduced to
// input, output (nil: failure) and encoding (the charset's encoding name, where the file gives one).

enum WPTMIMETypeTestData {
    static let json = ##"""
[
{
"input": "text/html;charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "TEXT/HTML;CHARSET=GBK",
"output": "text/html;charset=GBK",
"encoding": "GBK"
},
{
"input": "text/html;charset=gbk(",
"output": "text/html;charset=\"gbk(\"",
"encoding": null
},
{
"input": "text/html;x=(;charset=gbk",
"output": "text/html;x=\"(\";charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset=gbk;charset=windows-1255",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset=();charset=GBK",
"output": "text/html;charset=\"()\"",
"encoding": null
},
{
"input": "text/html;charset =gbk",
"output": "text/html",
"encoding": null
},
{
"input": "text/html ;charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html; charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset= gbk",
"output": "text/html;charset=\" gbk\"",
"encoding": "GBK"
},
{
"input": "text/html;charset= \"gbk\"",
"output": "text/html;charset=\" \\\"gbk\\\"\"",
"encoding": null
},
{
"input": "text/html;charset=\u000bgbk",
"output": "text/html",
"encoding": null
},
{
"input": "text/html;charset=\fgbk",
"output": "text/html",
"encoding": null
},
{
"input": "text/html;\u000bcharset=gbk",
"output": "text/html",
"encoding": null
},
{
"input": "text/html;\fcharset=gbk",
"output": "text/html",
"encoding": null
},
{
"input": "text/html;charset='gbk'",
"output": "text/html;charset='gbk'",
"encoding": null
},
{
"input": "text/html;charset='gbk",
"output": "text/html;charset='gbk",
"encoding": null
},
{
"input": "text/html;charset=gbk'",
"output": "text/html;charset=gbk'",
"encoding": null
},
{
"input": "text/html;charset=';charset=GBK",
"output": "text/html;charset='",
"encoding": null
},
{
"input": "text/html;test;charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;test=;charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;';charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;\";charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html ; ; charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;;;;charset=gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset= \"\u007f;charset=GBK",
"output": "text/html;charset=GBK",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"\u007f;charset=foo\";charset=GBK",
"output": "text/html;charset=GBK",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"gbk\"",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"gbk",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset=gbk\"",
"output": "text/html;charset=\"gbk\\\"\"",
"encoding": null
},
{
"input": "text/html;charset=\" gbk\"",
"output": "text/html;charset=\" gbk\"",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"gbk \"",
"output": "text/html;charset=\"gbk \"",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"\\ gbk\"",
"output": "text/html;charset=\" gbk\"",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"\\g\\b\\k\"",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"gbk\"x",
"output": "text/html;charset=gbk",
"encoding": "GBK"
},
{
"input": "text/html;charset=\"\";charset=GBK",
"output": "text/html;charset=\"\"",
"encoding": null
},
{
"input": "text/html;charset=\";charset=GBK",
"output": "text/html;charset=\";charset=GBK\"",
"encoding": null
},
{
"input": "text/html;charset={gbk}",
"output": "text/html;charset=\"{gbk}\"",
"encoding": null
},
{
"input": "text/html;0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789=x;charset=gbk",
"output": "text/html;0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789=x;charset=gbk",
"encoding": "GBK"
},
{
"input": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789/0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
"output": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789/0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
"encoding": null
},
{
"input": "text/html;a]=bar;b[=bar;c=bar",
"output": "text/html;c=bar",
"encoding": null
},
{
"input": "text/html;valid=\";\";foo=bar",
"output": "text/html;valid=\";\";foo=bar",
"encoding": null
},
{
"input": "text/html;in]valid=\";asd=foo\";foo=bar",
"output": "text/html;foo=bar",
"encoding": null
},
{
"input": "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz;!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
"output": "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz/!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz;!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz=!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
"encoding": null
},
{
"input": "x/x;x=\"\t !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff\"",
"output": "x/x;x=\"\t !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff\"",
"encoding": null
},
{
"input": "x/x;test",
"output": "x/x",
"encoding": null
},
{
"input": "x/x;test=\"\\",
"output": "x/x;test=\"\\\\\"",
"encoding": null
},
{
"input": "x/x;x= ",
"output": "x/x",
"encoding": null
},
{
"input": "x/x;x=\t",
"output": "x/x",
"encoding": null
},
{
"input": "x/x\n\r\t ;x=x",
"output": "x/x;x=x",
"encoding": null
},
{
"input": "\n\r\t x/x;x=x\n\r\t ",
"output": "x/x;x=x",
"encoding": null
},
{
"input": "x/x;\n\r\t x=x\n\r\t ;x=y",
"output": "x/x;x=x",
"encoding": null
},
{
"input": "text/html;test=\u00ff;charset=gbk",
"output": "text/html;test=\"\u00ff\";charset=gbk",
"encoding": "GBK"
},
{
"input": "x/x;test=\ufffd;x=x",
"output": "x/x;x=x",
"encoding": null
},
{
"input": "\u000bx/x",
"output": null,
"encoding": null
},
{
"input": "\fx/x",
"output": null,
"encoding": null
},
{
"input": "x/x\u000b",
"output": null,
"encoding": null
},
{
"input": "x/x\f",
"output": null,
"encoding": null
},
{
"input": "",
"output": null,
"encoding": null
},
{
"input": "\t",
"output": null,
"encoding": null
},
{
"input": "/",
"output": null,
"encoding": null
},
{
"input": "bogus",
"output": null,
"encoding": null
},
{
"input": "bogus/",
"output": null,
"encoding": null
},
{
"input": "bogus/ ",
"output": null,
"encoding": null
},
{
"input": "bogus/bogus/;",
"output": null,
"encoding": null
},
{
"input": "</>",
"output": null,
"encoding": null
},
{
"input": "(/)",
"output": null,
"encoding": null
},
{
"input": "\u00ff/\u00ff",
"output": null,
"encoding": null
},
{
"input": "text/html(;doesnot=matter",
"output": null,
"encoding": null
},
{
"input": "{/}",
"output": null,
"encoding": null
},
{
"input": "\u0100/\u0100",
"output": null,
"encoding": null
},
{
"input": "text /html",
"output": null,
"encoding": null
},
{
"input": "text/ html",
"output": null,
"encoding": null
},
{
"input": "\"text/html\"",
"output": null,
"encoding": null
},
{
"input": "\u0000/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0000",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0000=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0000;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0000\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0001/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0001",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0001=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0001;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0001\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0002/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0002",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0002=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0002;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0002\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0003/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0003",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0003=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0003;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0003\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0004/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0004",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0004=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0004;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0004\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0005/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0005",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0005=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0005;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0005\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0006/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0006",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0006=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0006;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0006\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0007/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0007",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0007=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0007;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0007\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\b/x",
"output": null,
"encoding": null
},
{
"input": "x/\b",
"output": null,
"encoding": null
},
{
"input": "x/x;\b=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\b;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\b\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\t/x",
"output": null,
"encoding": null
},
{
"input": "x/\t",
"output": null,
"encoding": null
},
{
"input": "x/x;\t=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\n/x",
"output": null,
"encoding": null
},
{
"input": "x/\n",
"output": null,
"encoding": null
},
{
"input": "x/x;\n=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\n;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\n\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u000b/x",
"output": null,
"encoding": null
},
{
"input": "x/\u000b",
"output": null,
"encoding": null
},
{
"input": "x/x;\u000b=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u000b;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u000b\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\f/x",
"output": null,
"encoding": null
},
{
"input": "x/\f",
"output": null,
"encoding": null
},
{
"input": "x/x;\f=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\f;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\f\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\r/x",
"output": null,
"encoding": null
},
{
"input": "x/\r",
"output": null,
"encoding": null
},
{
"input": "x/x;\r=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\r;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\r\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u000e/x",
"output": null,
"encoding": null
},
{
"input": "x/\u000e",
"output": null,
"encoding": null
},
{
"input": "x/x;\u000e=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u000e;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u000e\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u000f/x",
"output": null,
"encoding": null
},
{
"input": "x/\u000f",
"output": null,
"encoding": null
},
{
"input": "x/x;\u000f=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u000f;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u000f\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0010/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0010",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0010=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0010;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0010\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0011/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0011",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0011=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0011;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0011\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0012/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0012",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0012=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0012;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0012\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0013/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0013",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0013=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0013;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0013\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0014/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0014",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0014=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0014;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0014\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0015/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0015",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0015=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0015;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0015\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0016/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0016",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0016=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0016;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0016\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0017/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0017",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0017=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0017;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0017\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0018/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0018",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0018=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0018;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0018\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0019/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0019",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0019=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0019;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0019\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u001a/x",
"output": null,
"encoding": null
},
{
"input": "x/\u001a",
"output": null,
"encoding": null
},
{
"input": "x/x;\u001a=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u001a;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u001a\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u001b/x",
"output": null,
"encoding": null
},
{
"input": "x/\u001b",
"output": null,
"encoding": null
},
{
"input": "x/x;\u001b=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u001b;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u001b\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u001c/x",
"output": null,
"encoding": null
},
{
"input": "x/\u001c",
"output": null,
"encoding": null
},
{
"input": "x/x;\u001c=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u001c;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u001c\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u001d/x",
"output": null,
"encoding": null
},
{
"input": "x/\u001d",
"output": null,
"encoding": null
},
{
"input": "x/x;\u001d=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u001d;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u001d\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u001e/x",
"output": null,
"encoding": null
},
{
"input": "x/\u001e",
"output": null,
"encoding": null
},
{
"input": "x/x;\u001e=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u001e;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u001e\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u001f/x",
"output": null,
"encoding": null
},
{
"input": "x/\u001f",
"output": null,
"encoding": null
},
{
"input": "x/x;\u001f=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u001f;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u001f\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": " /x",
"output": null,
"encoding": null
},
{
"input": "x/ ",
"output": null,
"encoding": null
},
{
"input": "x/x; =x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\"/x",
"output": null,
"encoding": null
},
{
"input": "x/\"",
"output": null,
"encoding": null
},
{
"input": "x/x;\"=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "(/x",
"output": null,
"encoding": null
},
{
"input": "x/(",
"output": null,
"encoding": null
},
{
"input": "x/x;(=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=(;bonus=x",
"output": "x/x;x=\"(\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"(\";bonus=x",
"output": "x/x;x=\"(\";bonus=x",
"encoding": null
},
{
"input": ")/x",
"output": null,
"encoding": null
},
{
"input": "x/)",
"output": null,
"encoding": null
},
{
"input": "x/x;)=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=);bonus=x",
"output": "x/x;x=\")\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\")\";bonus=x",
"output": "x/x;x=\")\";bonus=x",
"encoding": null
},
{
"input": ",/x",
"output": null,
"encoding": null
},
{
"input": "x/,",
"output": null,
"encoding": null
},
{
"input": "x/x;,=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=,;bonus=x",
"output": "x/x;x=\",\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\",\";bonus=x",
"output": "x/x;x=\",\";bonus=x",
"encoding": null
},
{
"input": "x/x;/=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=/;bonus=x",
"output": "x/x;x=\"/\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"/\";bonus=x",
"output": "x/x;x=\"/\";bonus=x",
"encoding": null
},
{
"input": ":/x",
"output": null,
"encoding": null
},
{
"input": "x/:",
"output": null,
"encoding": null
},
{
"input": "x/x;:=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=:;bonus=x",
"output": "x/x;x=\":\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\":\";bonus=x",
"output": "x/x;x=\":\";bonus=x",
"encoding": null
},
{
"input": ";/x",
"output": null,
"encoding": null
},
{
"input": "x/;",
"output": null,
"encoding": null
},
{
"input": "</x",
"output": null,
"encoding": null
},
{
"input": "x/<",
"output": null,
"encoding": null
},
{
"input": "x/x;<=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=<;bonus=x",
"output": "x/x;x=\"<\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"<\";bonus=x",
"output": "x/x;x=\"<\";bonus=x",
"encoding": null
},
{
"input": "=/x",
"output": null,
"encoding": null
},
{
"input": "x/=",
"output": null,
"encoding": null
},
{
"input": "x/x;x==;bonus=x",
"output": "x/x;x=\"=\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"=\";bonus=x",
"output": "x/x;x=\"=\";bonus=x",
"encoding": null
},
{
"input": ">/x",
"output": null,
"encoding": null
},
{
"input": "x/>",
"output": null,
"encoding": null
},
{
"input": "x/x;>=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=>;bonus=x",
"output": "x/x;x=\">\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\">\";bonus=x",
"output": "x/x;x=\">\";bonus=x",
"encoding": null
},
{
"input": "?/x",
"output": null,
"encoding": null
},
{
"input": "x/?",
"output": null,
"encoding": null
},
{
"input": "x/x;?=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=?;bonus=x",
"output": "x/x;x=\"?\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"?\";bonus=x",
"output": "x/x;x=\"?\";bonus=x",
"encoding": null
},
{
"input": "@/x",
"output": null,
"encoding": null
},
{
"input": "x/@",
"output": null,
"encoding": null
},
{
"input": "x/x;@=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=@;bonus=x",
"output": "x/x;x=\"@\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"@\";bonus=x",
"output": "x/x;x=\"@\";bonus=x",
"encoding": null
},
{
"input": "[/x",
"output": null,
"encoding": null
},
{
"input": "x/[",
"output": null,
"encoding": null
},
{
"input": "x/x;[=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=[;bonus=x",
"output": "x/x;x=\"[\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"[\";bonus=x",
"output": "x/x;x=\"[\";bonus=x",
"encoding": null
},
{
"input": "\\/x",
"output": null,
"encoding": null
},
{
"input": "x/\\",
"output": null,
"encoding": null
},
{
"input": "x/x;\\=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "]/x",
"output": null,
"encoding": null
},
{
"input": "x/]",
"output": null,
"encoding": null
},
{
"input": "x/x;]=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=];bonus=x",
"output": "x/x;x=\"]\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"]\";bonus=x",
"output": "x/x;x=\"]\";bonus=x",
"encoding": null
},
{
"input": "{/x",
"output": null,
"encoding": null
},
{
"input": "x/{",
"output": null,
"encoding": null
},
{
"input": "x/x;{=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x={;bonus=x",
"output": "x/x;x=\"{\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"{\";bonus=x",
"output": "x/x;x=\"{\";bonus=x",
"encoding": null
},
{
"input": "}/x",
"output": null,
"encoding": null
},
{
"input": "x/}",
"output": null,
"encoding": null
},
{
"input": "x/x;}=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=};bonus=x",
"output": "x/x;x=\"}\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"}\";bonus=x",
"output": "x/x;x=\"}\";bonus=x",
"encoding": null
},
{
"input": "\u007f/x",
"output": null,
"encoding": null
},
{
"input": "x/\u007f",
"output": null,
"encoding": null
},
{
"input": "x/x;\u007f=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u007f;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u007f\";bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "\u0080/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0080",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0080=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0080;bonus=x",
"output": "x/x;x=\"\u0080\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0080\";bonus=x",
"output": "x/x;x=\"\u0080\";bonus=x",
"encoding": null
},
{
"input": "\u0081/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0081",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0081=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0081;bonus=x",
"output": "x/x;x=\"\u0081\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0081\";bonus=x",
"output": "x/x;x=\"\u0081\";bonus=x",
"encoding": null
},
{
"input": "\u0082/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0082",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0082=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0082;bonus=x",
"output": "x/x;x=\"\u0082\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0082\";bonus=x",
"output": "x/x;x=\"\u0082\";bonus=x",
"encoding": null
},
{
"input": "\u0083/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0083",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0083=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0083;bonus=x",
"output": "x/x;x=\"\u0083\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0083\";bonus=x",
"output": "x/x;x=\"\u0083\";bonus=x",
"encoding": null
},
{
"input": "\u0084/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0084",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0084=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0084;bonus=x",
"output": "x/x;x=\"\u0084\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0084\";bonus=x",
"output": "x/x;x=\"\u0084\";bonus=x",
"encoding": null
},
{
"input": "\u0085/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0085",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0085=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0085;bonus=x",
"output": "x/x;x=\"\u0085\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0085\";bonus=x",
"output": "x/x;x=\"\u0085\";bonus=x",
"encoding": null
},
{
"input": "\u0086/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0086",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0086=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0086;bonus=x",
"output": "x/x;x=\"\u0086\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0086\";bonus=x",
"output": "x/x;x=\"\u0086\";bonus=x",
"encoding": null
},
{
"input": "\u0087/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0087",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0087=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0087;bonus=x",
"output": "x/x;x=\"\u0087\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0087\";bonus=x",
"output": "x/x;x=\"\u0087\";bonus=x",
"encoding": null
},
{
"input": "\u0088/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0088",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0088=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0088;bonus=x",
"output": "x/x;x=\"\u0088\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0088\";bonus=x",
"output": "x/x;x=\"\u0088\";bonus=x",
"encoding": null
},
{
"input": "\u0089/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0089",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0089=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0089;bonus=x",
"output": "x/x;x=\"\u0089\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0089\";bonus=x",
"output": "x/x;x=\"\u0089\";bonus=x",
"encoding": null
},
{
"input": "\u008a/x",
"output": null,
"encoding": null
},
{
"input": "x/\u008a",
"output": null,
"encoding": null
},
{
"input": "x/x;\u008a=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u008a;bonus=x",
"output": "x/x;x=\"\u008a\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u008a\";bonus=x",
"output": "x/x;x=\"\u008a\";bonus=x",
"encoding": null
},
{
"input": "\u008b/x",
"output": null,
"encoding": null
},
{
"input": "x/\u008b",
"output": null,
"encoding": null
},
{
"input": "x/x;\u008b=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u008b;bonus=x",
"output": "x/x;x=\"\u008b\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u008b\";bonus=x",
"output": "x/x;x=\"\u008b\";bonus=x",
"encoding": null
},
{
"input": "\u008c/x",
"output": null,
"encoding": null
},
{
"input": "x/\u008c",
"output": null,
"encoding": null
},
{
"input": "x/x;\u008c=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u008c;bonus=x",
"output": "x/x;x=\"\u008c\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u008c\";bonus=x",
"output": "x/x;x=\"\u008c\";bonus=x",
"encoding": null
},
{
"input": "\u008d/x",
"output": null,
"encoding": null
},
{
"input": "x/\u008d",
"output": null,
"encoding": null
},
{
"input": "x/x;\u008d=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u008d;bonus=x",
"output": "x/x;x=\"\u008d\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u008d\";bonus=x",
"output": "x/x;x=\"\u008d\";bonus=x",
"encoding": null
},
{
"input": "\u008e/x",
"output": null,
"encoding": null
},
{
"input": "x/\u008e",
"output": null,
"encoding": null
},
{
"input": "x/x;\u008e=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u008e;bonus=x",
"output": "x/x;x=\"\u008e\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u008e\";bonus=x",
"output": "x/x;x=\"\u008e\";bonus=x",
"encoding": null
},
{
"input": "\u008f/x",
"output": null,
"encoding": null
},
{
"input": "x/\u008f",
"output": null,
"encoding": null
},
{
"input": "x/x;\u008f=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u008f;bonus=x",
"output": "x/x;x=\"\u008f\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u008f\";bonus=x",
"output": "x/x;x=\"\u008f\";bonus=x",
"encoding": null
},
{
"input": "\u0090/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0090",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0090=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0090;bonus=x",
"output": "x/x;x=\"\u0090\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0090\";bonus=x",
"output": "x/x;x=\"\u0090\";bonus=x",
"encoding": null
},
{
"input": "\u0091/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0091",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0091=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0091;bonus=x",
"output": "x/x;x=\"\u0091\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0091\";bonus=x",
"output": "x/x;x=\"\u0091\";bonus=x",
"encoding": null
},
{
"input": "\u0092/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0092",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0092=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0092;bonus=x",
"output": "x/x;x=\"\u0092\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0092\";bonus=x",
"output": "x/x;x=\"\u0092\";bonus=x",
"encoding": null
},
{
"input": "\u0093/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0093",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0093=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0093;bonus=x",
"output": "x/x;x=\"\u0093\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0093\";bonus=x",
"output": "x/x;x=\"\u0093\";bonus=x",
"encoding": null
},
{
"input": "\u0094/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0094",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0094=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0094;bonus=x",
"output": "x/x;x=\"\u0094\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0094\";bonus=x",
"output": "x/x;x=\"\u0094\";bonus=x",
"encoding": null
},
{
"input": "\u0095/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0095",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0095=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0095;bonus=x",
"output": "x/x;x=\"\u0095\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0095\";bonus=x",
"output": "x/x;x=\"\u0095\";bonus=x",
"encoding": null
},
{
"input": "\u0096/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0096",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0096=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0096;bonus=x",
"output": "x/x;x=\"\u0096\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0096\";bonus=x",
"output": "x/x;x=\"\u0096\";bonus=x",
"encoding": null
},
{
"input": "\u0097/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0097",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0097=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0097;bonus=x",
"output": "x/x;x=\"\u0097\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0097\";bonus=x",
"output": "x/x;x=\"\u0097\";bonus=x",
"encoding": null
},
{
"input": "\u0098/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0098",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0098=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0098;bonus=x",
"output": "x/x;x=\"\u0098\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0098\";bonus=x",
"output": "x/x;x=\"\u0098\";bonus=x",
"encoding": null
},
{
"input": "\u0099/x",
"output": null,
"encoding": null
},
{
"input": "x/\u0099",
"output": null,
"encoding": null
},
{
"input": "x/x;\u0099=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u0099;bonus=x",
"output": "x/x;x=\"\u0099\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u0099\";bonus=x",
"output": "x/x;x=\"\u0099\";bonus=x",
"encoding": null
},
{
"input": "\u009a/x",
"output": null,
"encoding": null
},
{
"input": "x/\u009a",
"output": null,
"encoding": null
},
{
"input": "x/x;\u009a=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u009a;bonus=x",
"output": "x/x;x=\"\u009a\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u009a\";bonus=x",
"output": "x/x;x=\"\u009a\";bonus=x",
"encoding": null
},
{
"input": "\u009b/x",
"output": null,
"encoding": null
},
{
"input": "x/\u009b",
"output": null,
"encoding": null
},
{
"input": "x/x;\u009b=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u009b;bonus=x",
"output": "x/x;x=\"\u009b\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u009b\";bonus=x",
"output": "x/x;x=\"\u009b\";bonus=x",
"encoding": null
},
{
"input": "\u009c/x",
"output": null,
"encoding": null
},
{
"input": "x/\u009c",
"output": null,
"encoding": null
},
{
"input": "x/x;\u009c=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u009c;bonus=x",
"output": "x/x;x=\"\u009c\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u009c\";bonus=x",
"output": "x/x;x=\"\u009c\";bonus=x",
"encoding": null
},
{
"input": "\u009d/x",
"output": null,
"encoding": null
},
{
"input": "x/\u009d",
"output": null,
"encoding": null
},
{
"input": "x/x;\u009d=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u009d;bonus=x",
"output": "x/x;x=\"\u009d\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u009d\";bonus=x",
"output": "x/x;x=\"\u009d\";bonus=x",
"encoding": null
},
{
"input": "\u009e/x",
"output": null,
"encoding": null
},
{
"input": "x/\u009e",
"output": null,
"encoding": null
},
{
"input": "x/x;\u009e=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u009e;bonus=x",
"output": "x/x;x=\"\u009e\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u009e\";bonus=x",
"output": "x/x;x=\"\u009e\";bonus=x",
"encoding": null
},
{
"input": "\u009f/x",
"output": null,
"encoding": null
},
{
"input": "x/\u009f",
"output": null,
"encoding": null
},
{
"input": "x/x;\u009f=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u009f;bonus=x",
"output": "x/x;x=\"\u009f\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u009f\";bonus=x",
"output": "x/x;x=\"\u009f\";bonus=x",
"encoding": null
},
{
"input": "\u00a0/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a0",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a0=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a0;bonus=x",
"output": "x/x;x=\"\u00a0\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a0\";bonus=x",
"output": "x/x;x=\"\u00a0\";bonus=x",
"encoding": null
},
{
"input": "\u00a1/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a1",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a1=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a1;bonus=x",
"output": "x/x;x=\"\u00a1\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a1\";bonus=x",
"output": "x/x;x=\"\u00a1\";bonus=x",
"encoding": null
},
{
"input": "\u00a2/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a2",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a2=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a2;bonus=x",
"output": "x/x;x=\"\u00a2\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a2\";bonus=x",
"output": "x/x;x=\"\u00a2\";bonus=x",
"encoding": null
},
{
"input": "\u00a3/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a3",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a3=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a3;bonus=x",
"output": "x/x;x=\"\u00a3\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a3\";bonus=x",
"output": "x/x;x=\"\u00a3\";bonus=x",
"encoding": null
},
{
"input": "\u00a4/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a4",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a4=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a4;bonus=x",
"output": "x/x;x=\"\u00a4\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a4\";bonus=x",
"output": "x/x;x=\"\u00a4\";bonus=x",
"encoding": null
},
{
"input": "\u00a5/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a5",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a5=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a5;bonus=x",
"output": "x/x;x=\"\u00a5\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a5\";bonus=x",
"output": "x/x;x=\"\u00a5\";bonus=x",
"encoding": null
},
{
"input": "\u00a6/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a6",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a6=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a6;bonus=x",
"output": "x/x;x=\"\u00a6\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a6\";bonus=x",
"output": "x/x;x=\"\u00a6\";bonus=x",
"encoding": null
},
{
"input": "\u00a7/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a7",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a7=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a7;bonus=x",
"output": "x/x;x=\"\u00a7\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a7\";bonus=x",
"output": "x/x;x=\"\u00a7\";bonus=x",
"encoding": null
},
{
"input": "\u00a8/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a8",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a8=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a8;bonus=x",
"output": "x/x;x=\"\u00a8\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a8\";bonus=x",
"output": "x/x;x=\"\u00a8\";bonus=x",
"encoding": null
},
{
"input": "\u00a9/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00a9",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00a9=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00a9;bonus=x",
"output": "x/x;x=\"\u00a9\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00a9\";bonus=x",
"output": "x/x;x=\"\u00a9\";bonus=x",
"encoding": null
},
{
"input": "\u00aa/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00aa",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00aa=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00aa;bonus=x",
"output": "x/x;x=\"\u00aa\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00aa\";bonus=x",
"output": "x/x;x=\"\u00aa\";bonus=x",
"encoding": null
},
{
"input": "\u00ab/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ab",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ab=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ab;bonus=x",
"output": "x/x;x=\"\u00ab\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ab\";bonus=x",
"output": "x/x;x=\"\u00ab\";bonus=x",
"encoding": null
},
{
"input": "\u00ac/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ac",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ac=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ac;bonus=x",
"output": "x/x;x=\"\u00ac\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ac\";bonus=x",
"output": "x/x;x=\"\u00ac\";bonus=x",
"encoding": null
},
{
"input": "\u00ad/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ad",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ad=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ad;bonus=x",
"output": "x/x;x=\"\u00ad\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ad\";bonus=x",
"output": "x/x;x=\"\u00ad\";bonus=x",
"encoding": null
},
{
"input": "\u00ae/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ae",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ae=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ae;bonus=x",
"output": "x/x;x=\"\u00ae\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ae\";bonus=x",
"output": "x/x;x=\"\u00ae\";bonus=x",
"encoding": null
},
{
"input": "\u00af/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00af",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00af=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00af;bonus=x",
"output": "x/x;x=\"\u00af\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00af\";bonus=x",
"output": "x/x;x=\"\u00af\";bonus=x",
"encoding": null
},
{
"input": "\u00b0/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b0",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b0=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b0;bonus=x",
"output": "x/x;x=\"\u00b0\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b0\";bonus=x",
"output": "x/x;x=\"\u00b0\";bonus=x",
"encoding": null
},
{
"input": "\u00b1/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b1",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b1=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b1;bonus=x",
"output": "x/x;x=\"\u00b1\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b1\";bonus=x",
"output": "x/x;x=\"\u00b1\";bonus=x",
"encoding": null
},
{
"input": "\u00b2/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b2",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b2=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b2;bonus=x",
"output": "x/x;x=\"\u00b2\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b2\";bonus=x",
"output": "x/x;x=\"\u00b2\";bonus=x",
"encoding": null
},
{
"input": "\u00b3/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b3",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b3=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b3;bonus=x",
"output": "x/x;x=\"\u00b3\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b3\";bonus=x",
"output": "x/x;x=\"\u00b3\";bonus=x",
"encoding": null
},
{
"input": "\u00b4/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b4",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b4=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b4;bonus=x",
"output": "x/x;x=\"\u00b4\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b4\";bonus=x",
"output": "x/x;x=\"\u00b4\";bonus=x",
"encoding": null
},
{
"input": "\u00b5/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b5",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b5=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b5;bonus=x",
"output": "x/x;x=\"\u00b5\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b5\";bonus=x",
"output": "x/x;x=\"\u00b5\";bonus=x",
"encoding": null
},
{
"input": "\u00b6/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b6",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b6=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b6;bonus=x",
"output": "x/x;x=\"\u00b6\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b6\";bonus=x",
"output": "x/x;x=\"\u00b6\";bonus=x",
"encoding": null
},
{
"input": "\u00b7/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b7",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b7=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b7;bonus=x",
"output": "x/x;x=\"\u00b7\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b7\";bonus=x",
"output": "x/x;x=\"\u00b7\";bonus=x",
"encoding": null
},
{
"input": "\u00b8/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b8",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b8=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b8;bonus=x",
"output": "x/x;x=\"\u00b8\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b8\";bonus=x",
"output": "x/x;x=\"\u00b8\";bonus=x",
"encoding": null
},
{
"input": "\u00b9/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00b9",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00b9=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00b9;bonus=x",
"output": "x/x;x=\"\u00b9\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00b9\";bonus=x",
"output": "x/x;x=\"\u00b9\";bonus=x",
"encoding": null
},
{
"input": "\u00ba/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ba",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ba=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ba;bonus=x",
"output": "x/x;x=\"\u00ba\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ba\";bonus=x",
"output": "x/x;x=\"\u00ba\";bonus=x",
"encoding": null
},
{
"input": "\u00bb/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00bb",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00bb=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00bb;bonus=x",
"output": "x/x;x=\"\u00bb\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00bb\";bonus=x",
"output": "x/x;x=\"\u00bb\";bonus=x",
"encoding": null
},
{
"input": "\u00bc/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00bc",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00bc=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00bc;bonus=x",
"output": "x/x;x=\"\u00bc\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00bc\";bonus=x",
"output": "x/x;x=\"\u00bc\";bonus=x",
"encoding": null
},
{
"input": "\u00bd/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00bd",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00bd=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00bd;bonus=x",
"output": "x/x;x=\"\u00bd\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00bd\";bonus=x",
"output": "x/x;x=\"\u00bd\";bonus=x",
"encoding": null
},
{
"input": "\u00be/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00be",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00be=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00be;bonus=x",
"output": "x/x;x=\"\u00be\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00be\";bonus=x",
"output": "x/x;x=\"\u00be\";bonus=x",
"encoding": null
},
{
"input": "\u00bf/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00bf",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00bf=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00bf;bonus=x",
"output": "x/x;x=\"\u00bf\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00bf\";bonus=x",
"output": "x/x;x=\"\u00bf\";bonus=x",
"encoding": null
},
{
"input": "\u00c0/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c0",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c0=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c0;bonus=x",
"output": "x/x;x=\"\u00c0\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c0\";bonus=x",
"output": "x/x;x=\"\u00c0\";bonus=x",
"encoding": null
},
{
"input": "\u00c1/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c1",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c1=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c1;bonus=x",
"output": "x/x;x=\"\u00c1\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c1\";bonus=x",
"output": "x/x;x=\"\u00c1\";bonus=x",
"encoding": null
},
{
"input": "\u00c2/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c2",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c2=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c2;bonus=x",
"output": "x/x;x=\"\u00c2\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c2\";bonus=x",
"output": "x/x;x=\"\u00c2\";bonus=x",
"encoding": null
},
{
"input": "\u00c3/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c3",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c3=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c3;bonus=x",
"output": "x/x;x=\"\u00c3\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c3\";bonus=x",
"output": "x/x;x=\"\u00c3\";bonus=x",
"encoding": null
},
{
"input": "\u00c4/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c4",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c4=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c4;bonus=x",
"output": "x/x;x=\"\u00c4\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c4\";bonus=x",
"output": "x/x;x=\"\u00c4\";bonus=x",
"encoding": null
},
{
"input": "\u00c5/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c5",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c5=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c5;bonus=x",
"output": "x/x;x=\"\u00c5\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c5\";bonus=x",
"output": "x/x;x=\"\u00c5\";bonus=x",
"encoding": null
},
{
"input": "\u00c6/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c6",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c6=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c6;bonus=x",
"output": "x/x;x=\"\u00c6\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c6\";bonus=x",
"output": "x/x;x=\"\u00c6\";bonus=x",
"encoding": null
},
{
"input": "\u00c7/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c7",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c7=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c7;bonus=x",
"output": "x/x;x=\"\u00c7\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c7\";bonus=x",
"output": "x/x;x=\"\u00c7\";bonus=x",
"encoding": null
},
{
"input": "\u00c8/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c8",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c8=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c8;bonus=x",
"output": "x/x;x=\"\u00c8\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c8\";bonus=x",
"output": "x/x;x=\"\u00c8\";bonus=x",
"encoding": null
},
{
"input": "\u00c9/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00c9",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00c9=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00c9;bonus=x",
"output": "x/x;x=\"\u00c9\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00c9\";bonus=x",
"output": "x/x;x=\"\u00c9\";bonus=x",
"encoding": null
},
{
"input": "\u00ca/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ca",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ca=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ca;bonus=x",
"output": "x/x;x=\"\u00ca\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ca\";bonus=x",
"output": "x/x;x=\"\u00ca\";bonus=x",
"encoding": null
},
{
"input": "\u00cb/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00cb",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00cb=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00cb;bonus=x",
"output": "x/x;x=\"\u00cb\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00cb\";bonus=x",
"output": "x/x;x=\"\u00cb\";bonus=x",
"encoding": null
},
{
"input": "\u00cc/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00cc",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00cc=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00cc;bonus=x",
"output": "x/x;x=\"\u00cc\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00cc\";bonus=x",
"output": "x/x;x=\"\u00cc\";bonus=x",
"encoding": null
},
{
"input": "\u00cd/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00cd",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00cd=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00cd;bonus=x",
"output": "x/x;x=\"\u00cd\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00cd\";bonus=x",
"output": "x/x;x=\"\u00cd\";bonus=x",
"encoding": null
},
{
"input": "\u00ce/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ce",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ce=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ce;bonus=x",
"output": "x/x;x=\"\u00ce\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ce\";bonus=x",
"output": "x/x;x=\"\u00ce\";bonus=x",
"encoding": null
},
{
"input": "\u00cf/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00cf",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00cf=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00cf;bonus=x",
"output": "x/x;x=\"\u00cf\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00cf\";bonus=x",
"output": "x/x;x=\"\u00cf\";bonus=x",
"encoding": null
},
{
"input": "\u00d0/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d0",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d0=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d0;bonus=x",
"output": "x/x;x=\"\u00d0\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d0\";bonus=x",
"output": "x/x;x=\"\u00d0\";bonus=x",
"encoding": null
},
{
"input": "\u00d1/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d1",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d1=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d1;bonus=x",
"output": "x/x;x=\"\u00d1\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d1\";bonus=x",
"output": "x/x;x=\"\u00d1\";bonus=x",
"encoding": null
},
{
"input": "\u00d2/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d2",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d2=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d2;bonus=x",
"output": "x/x;x=\"\u00d2\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d2\";bonus=x",
"output": "x/x;x=\"\u00d2\";bonus=x",
"encoding": null
},
{
"input": "\u00d3/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d3",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d3=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d3;bonus=x",
"output": "x/x;x=\"\u00d3\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d3\";bonus=x",
"output": "x/x;x=\"\u00d3\";bonus=x",
"encoding": null
},
{
"input": "\u00d4/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d4",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d4=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d4;bonus=x",
"output": "x/x;x=\"\u00d4\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d4\";bonus=x",
"output": "x/x;x=\"\u00d4\";bonus=x",
"encoding": null
},
{
"input": "\u00d5/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d5",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d5=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d5;bonus=x",
"output": "x/x;x=\"\u00d5\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d5\";bonus=x",
"output": "x/x;x=\"\u00d5\";bonus=x",
"encoding": null
},
{
"input": "\u00d6/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d6",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d6=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d6;bonus=x",
"output": "x/x;x=\"\u00d6\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d6\";bonus=x",
"output": "x/x;x=\"\u00d6\";bonus=x",
"encoding": null
},
{
"input": "\u00d7/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d7",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d7=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d7;bonus=x",
"output": "x/x;x=\"\u00d7\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d7\";bonus=x",
"output": "x/x;x=\"\u00d7\";bonus=x",
"encoding": null
},
{
"input": "\u00d8/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d8",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d8=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d8;bonus=x",
"output": "x/x;x=\"\u00d8\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d8\";bonus=x",
"output": "x/x;x=\"\u00d8\";bonus=x",
"encoding": null
},
{
"input": "\u00d9/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00d9",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00d9=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00d9;bonus=x",
"output": "x/x;x=\"\u00d9\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00d9\";bonus=x",
"output": "x/x;x=\"\u00d9\";bonus=x",
"encoding": null
},
{
"input": "\u00da/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00da",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00da=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00da;bonus=x",
"output": "x/x;x=\"\u00da\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00da\";bonus=x",
"output": "x/x;x=\"\u00da\";bonus=x",
"encoding": null
},
{
"input": "\u00db/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00db",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00db=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00db;bonus=x",
"output": "x/x;x=\"\u00db\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00db\";bonus=x",
"output": "x/x;x=\"\u00db\";bonus=x",
"encoding": null
},
{
"input": "\u00dc/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00dc",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00dc=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00dc;bonus=x",
"output": "x/x;x=\"\u00dc\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00dc\";bonus=x",
"output": "x/x;x=\"\u00dc\";bonus=x",
"encoding": null
},
{
"input": "\u00dd/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00dd",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00dd=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00dd;bonus=x",
"output": "x/x;x=\"\u00dd\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00dd\";bonus=x",
"output": "x/x;x=\"\u00dd\";bonus=x",
"encoding": null
},
{
"input": "\u00de/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00de",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00de=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00de;bonus=x",
"output": "x/x;x=\"\u00de\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00de\";bonus=x",
"output": "x/x;x=\"\u00de\";bonus=x",
"encoding": null
},
{
"input": "\u00df/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00df",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00df=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00df;bonus=x",
"output": "x/x;x=\"\u00df\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00df\";bonus=x",
"output": "x/x;x=\"\u00df\";bonus=x",
"encoding": null
},
{
"input": "\u00e0/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e0",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e0=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e0;bonus=x",
"output": "x/x;x=\"\u00e0\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e0\";bonus=x",
"output": "x/x;x=\"\u00e0\";bonus=x",
"encoding": null
},
{
"input": "\u00e1/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e1",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e1=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e1;bonus=x",
"output": "x/x;x=\"\u00e1\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e1\";bonus=x",
"output": "x/x;x=\"\u00e1\";bonus=x",
"encoding": null
},
{
"input": "\u00e2/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e2",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e2=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e2;bonus=x",
"output": "x/x;x=\"\u00e2\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e2\";bonus=x",
"output": "x/x;x=\"\u00e2\";bonus=x",
"encoding": null
},
{
"input": "\u00e3/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e3",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e3=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e3;bonus=x",
"output": "x/x;x=\"\u00e3\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e3\";bonus=x",
"output": "x/x;x=\"\u00e3\";bonus=x",
"encoding": null
},
{
"input": "\u00e4/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e4",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e4=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e4;bonus=x",
"output": "x/x;x=\"\u00e4\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e4\";bonus=x",
"output": "x/x;x=\"\u00e4\";bonus=x",
"encoding": null
},
{
"input": "\u00e5/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e5",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e5=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e5;bonus=x",
"output": "x/x;x=\"\u00e5\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e5\";bonus=x",
"output": "x/x;x=\"\u00e5\";bonus=x",
"encoding": null
},
{
"input": "\u00e6/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e6",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e6=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e6;bonus=x",
"output": "x/x;x=\"\u00e6\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e6\";bonus=x",
"output": "x/x;x=\"\u00e6\";bonus=x",
"encoding": null
},
{
"input": "\u00e7/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e7",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e7=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e7;bonus=x",
"output": "x/x;x=\"\u00e7\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e7\";bonus=x",
"output": "x/x;x=\"\u00e7\";bonus=x",
"encoding": null
},
{
"input": "\u00e8/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e8",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e8=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e8;bonus=x",
"output": "x/x;x=\"\u00e8\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e8\";bonus=x",
"output": "x/x;x=\"\u00e8\";bonus=x",
"encoding": null
},
{
"input": "\u00e9/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00e9",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00e9=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00e9;bonus=x",
"output": "x/x;x=\"\u00e9\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00e9\";bonus=x",
"output": "x/x;x=\"\u00e9\";bonus=x",
"encoding": null
},
{
"input": "\u00ea/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ea",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ea=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ea;bonus=x",
"output": "x/x;x=\"\u00ea\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ea\";bonus=x",
"output": "x/x;x=\"\u00ea\";bonus=x",
"encoding": null
},
{
"input": "\u00eb/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00eb",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00eb=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00eb;bonus=x",
"output": "x/x;x=\"\u00eb\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00eb\";bonus=x",
"output": "x/x;x=\"\u00eb\";bonus=x",
"encoding": null
},
{
"input": "\u00ec/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ec",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ec=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ec;bonus=x",
"output": "x/x;x=\"\u00ec\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ec\";bonus=x",
"output": "x/x;x=\"\u00ec\";bonus=x",
"encoding": null
},
{
"input": "\u00ed/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ed",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ed=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ed;bonus=x",
"output": "x/x;x=\"\u00ed\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ed\";bonus=x",
"output": "x/x;x=\"\u00ed\";bonus=x",
"encoding": null
},
{
"input": "\u00ee/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ee",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ee=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ee;bonus=x",
"output": "x/x;x=\"\u00ee\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ee\";bonus=x",
"output": "x/x;x=\"\u00ee\";bonus=x",
"encoding": null
},
{
"input": "\u00ef/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ef",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ef=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ef;bonus=x",
"output": "x/x;x=\"\u00ef\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ef\";bonus=x",
"output": "x/x;x=\"\u00ef\";bonus=x",
"encoding": null
},
{
"input": "\u00f0/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f0",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f0=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f0;bonus=x",
"output": "x/x;x=\"\u00f0\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f0\";bonus=x",
"output": "x/x;x=\"\u00f0\";bonus=x",
"encoding": null
},
{
"input": "\u00f1/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f1",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f1=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f1;bonus=x",
"output": "x/x;x=\"\u00f1\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f1\";bonus=x",
"output": "x/x;x=\"\u00f1\";bonus=x",
"encoding": null
},
{
"input": "\u00f2/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f2",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f2=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f2;bonus=x",
"output": "x/x;x=\"\u00f2\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f2\";bonus=x",
"output": "x/x;x=\"\u00f2\";bonus=x",
"encoding": null
},
{
"input": "\u00f3/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f3",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f3=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f3;bonus=x",
"output": "x/x;x=\"\u00f3\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f3\";bonus=x",
"output": "x/x;x=\"\u00f3\";bonus=x",
"encoding": null
},
{
"input": "\u00f4/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f4",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f4=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f4;bonus=x",
"output": "x/x;x=\"\u00f4\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f4\";bonus=x",
"output": "x/x;x=\"\u00f4\";bonus=x",
"encoding": null
},
{
"input": "\u00f5/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f5",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f5=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f5;bonus=x",
"output": "x/x;x=\"\u00f5\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f5\";bonus=x",
"output": "x/x;x=\"\u00f5\";bonus=x",
"encoding": null
},
{
"input": "\u00f6/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f6",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f6=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f6;bonus=x",
"output": "x/x;x=\"\u00f6\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f6\";bonus=x",
"output": "x/x;x=\"\u00f6\";bonus=x",
"encoding": null
},
{
"input": "\u00f7/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f7",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f7=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f7;bonus=x",
"output": "x/x;x=\"\u00f7\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f7\";bonus=x",
"output": "x/x;x=\"\u00f7\";bonus=x",
"encoding": null
},
{
"input": "\u00f8/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f8",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f8=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f8;bonus=x",
"output": "x/x;x=\"\u00f8\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f8\";bonus=x",
"output": "x/x;x=\"\u00f8\";bonus=x",
"encoding": null
},
{
"input": "\u00f9/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00f9",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00f9=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00f9;bonus=x",
"output": "x/x;x=\"\u00f9\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00f9\";bonus=x",
"output": "x/x;x=\"\u00f9\";bonus=x",
"encoding": null
},
{
"input": "\u00fa/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00fa",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00fa=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00fa;bonus=x",
"output": "x/x;x=\"\u00fa\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00fa\";bonus=x",
"output": "x/x;x=\"\u00fa\";bonus=x",
"encoding": null
},
{
"input": "\u00fb/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00fb",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00fb=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00fb;bonus=x",
"output": "x/x;x=\"\u00fb\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00fb\";bonus=x",
"output": "x/x;x=\"\u00fb\";bonus=x",
"encoding": null
},
{
"input": "\u00fc/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00fc",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00fc=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00fc;bonus=x",
"output": "x/x;x=\"\u00fc\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00fc\";bonus=x",
"output": "x/x;x=\"\u00fc\";bonus=x",
"encoding": null
},
{
"input": "\u00fd/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00fd",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00fd=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00fd;bonus=x",
"output": "x/x;x=\"\u00fd\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00fd\";bonus=x",
"output": "x/x;x=\"\u00fd\";bonus=x",
"encoding": null
},
{
"input": "\u00fe/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00fe",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00fe=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00fe;bonus=x",
"output": "x/x;x=\"\u00fe\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00fe\";bonus=x",
"output": "x/x;x=\"\u00fe\";bonus=x",
"encoding": null
},
{
"input": "\u00ff/x",
"output": null,
"encoding": null
},
{
"input": "x/\u00ff",
"output": null,
"encoding": null
},
{
"input": "x/x;\u00ff=x;bonus=x",
"output": "x/x;bonus=x",
"encoding": null
},
{
"input": "x/x;x=\u00ff;bonus=x",
"output": "x/x;x=\"\u00ff\";bonus=x",
"encoding": null
},
{
"input": "x/x;x=\"\u00ff\";bonus=x",
"output": "x/x;x=\"\u00ff\";bonus=x",
"encoding": null
}
]
"""##
}
