// Country calling codes (ITU-T E.164 assignments) → ISO 3166 countries, the most populous first where a code is
// shared. Kept to codes that name countries; global services (+800, +870, +881…) name none.

const TABLE: Record<string, string[]> = {
  "1": ["US", "CA"],
  "7": ["RU", "KZ"],
  "20": ["EG"],
  "27": ["ZA"],
  "30": ["GR"],
  "31": ["NL"],
  "32": ["BE"],
  "33": ["FR"],
  "34": ["ES"],
  "36": ["HU"],
  "39": ["IT", "VA"],
  "40": ["RO"],
  "41": ["CH"],
  "43": ["AT"],
  "44": ["GB", "JE", "GG", "IM"],
  "45": ["DK"],
  "46": ["SE"],
  "47": ["NO", "SJ"],
  "48": ["PL"],
  "49": ["DE"],
  "51": ["PE"],
  "52": ["MX"],
  "53": ["CU"],
  "54": ["AR"],
  "55": ["BR"],
  "56": ["CL"],
  "57": ["CO"],
  "58": ["VE"],
  "60": ["MY"],
  "61": ["AU", "CX", "CC"],
  "62": ["ID"],
  "63": ["PH"],
  "64": ["NZ"],
  "65": ["SG"],
  "66": ["TH"],
  "81": ["JP"],
  "82": ["KR"],
  "84": ["VN"],
  "86": ["CN"],
  "90": ["TR"],
  "91": ["IN"],
  "92": ["PK"],
  "93": ["AF"],
  "94": ["LK"],
  "95": ["MM"],
  "98": ["IR"],
  "211": ["SS"],
  "212": ["MA", "EH"],
  "213": ["DZ"],
  "216": ["TN"],
  "218": ["LY"],
  "220": ["GM"],
  "221": ["SN"],
  "222": ["MR"],
  "223": ["ML"],
  "224": ["GN"],
  "225": ["CI"],
  "226": ["BF"],
  "227": ["NE"],
  "228": ["TG"],
  "229": ["BJ"],
  "230": ["MU"],
  "231": ["LR"],
  "232": ["SL"],
  "233": ["GH"],
  "234": ["NG"],
  "235": ["TD"],
  "236": ["CF"],
  "237": ["CM"],
  "238": ["CV"],
  "239": ["ST"],
  "240": ["GQ"],
  "241": ["GA"],
  "242": ["CG"],
  "243": ["CD"],
  "244": ["AO"],
  "245": ["GW"],
  "246": ["IO"],
  "248": ["SC"],
  "249": ["SD"],
  "250": ["RW"],
  "251": ["ET"],
  "252": ["SO"],
  "253": ["DJ"],
  "254": ["KE"],
  "255": ["TZ"],
  "256": ["UG"],
  "257": ["BI"],
  "258": ["MZ"],
  "260": ["ZM"],
  "261": ["MG"],
  "262": ["RE", "YT"],
  "263": ["ZW"],
  "264": ["NA"],
  "265": ["MW"],
  "266": ["LS"],
  "267": ["BW"],
  "268": ["SZ"],
  "269": ["KM"],
  "290": ["SH"],
  "291": ["ER"],
  "297": ["AW"],
  "298": ["FO"],
  "299": ["GL"],
  "350": ["GI"],
  "351": ["PT"],
  "352": ["LU"],
  "353": ["IE"],
  "354": ["IS"],
  "355": ["AL"],
  "356": ["MT"],
  "357": ["CY"],
  "358": ["FI", "AX"],
  "359": ["BG"],
  "370": ["LT"],
  "371": ["LV"],
  "372": ["EE"],
  "373": ["MD"],
  "374": ["AM"],
  "375": ["BY"],
  "376": ["AD"],
  "377": ["MC"],
  "378": ["SM"],
  "380": ["UA"],
  "381": ["RS"],
  "382": ["ME"],
  "383": ["XK"],
  "385": ["HR"],
  "386": ["SI"],
  "387": ["BA"],
  "389": ["MK"],
  "420": ["CZ"],
  "421": ["SK"],
  "423": ["LI"],
  "500": ["FK"],
  "501": ["BZ"],
  "502": ["GT"],
  "503": ["SV"],
  "504": ["HN"],
  "505": ["NI"],
  "506": ["CR"],
  "507": ["PA"],
  "508": ["PM"],
  "509": ["HT"],
  "590": ["GP", "BL", "MF"],
  "591": ["BO"],
  "592": ["GY"],
  "593": ["EC"],
  "594": ["GF"],
  "595": ["PY"],
  "596": ["MQ"],
  "597": ["SR"],
  "598": ["UY"],
  "599": ["CW", "BQ"],
  "670": ["TL"],
  "672": ["NF"],
  "673": ["BN"],
  "674": ["NR"],
  "675": ["PG"],
  "676": ["TO"],
  "677": ["SB"],
  "678": ["VU"],
  "679": ["FJ"],
  "680": ["PW"],
  "681": ["WF"],
  "682": ["CK"],
  "683": ["NU"],
  "685": ["WS"],
  "686": ["KI"],
  "687": ["NC"],
  "688": ["TV"],
  "689": ["PF"],
  "690": ["TK"],
  "691": ["FM"],
  "692": ["MH"],
  "850": ["KP"],
  "852": ["HK"],
  "853": ["MO"],
  "855": ["KH"],
  "856": ["LA"],
  "880": ["BD"],
  "886": ["TW"],
  "960": ["MV"],
  "961": ["LB"],
  "962": ["JO"],
  "963": ["SY"],
  "964": ["IQ"],
  "965": ["KW"],
  "966": ["SA"],
  "967": ["YE"],
  "968": ["OM"],
  "970": ["PS"],
  "971": ["AE"],
  "972": ["IL"],
  "973": ["BH"],
  "974": ["QA"],
  "975": ["BT"],
  "976": ["MN"],
  "977": ["NP"],
  "992": ["TJ"],
  "993": ["TM"],
  "994": ["AZ"],
  "995": ["GE"],
  "996": ["KG"],
  "998": ["UZ"],
};

/** Kazakhstan shares +7 with Russia: its numbers start +7 6 or +7 7. */
const KAZAKHSTAN_PREFIXES = ["6", "7"];

/**
 * North American Numbering Plan (+1) area codes outside the United States and Canada, by country. An area code not
 * listed here and not Canadian is taken as the United States.
 */
const NANP_COUNTRIES: Record<string, string> = {
  "242": "BS",
  "246": "BB",
  "264": "AI",
  "268": "AG",
  "284": "VG",
  "340": "VI",
  "345": "KY",
  "441": "BM",
  "473": "GD",
  "649": "TC",
  "658": "JM",
  "876": "JM",
  "664": "MS",
  "670": "MP",
  "671": "GU",
  "684": "AS",
  "721": "SX",
  "758": "LC",
  "767": "DM",
  "784": "VC",
  "787": "PR",
  "939": "PR",
  "809": "DO",
  "829": "DO",
  "849": "DO",
  "868": "TT",
  "869": "KN",
};

/** Canadian area codes. */
const CANADIAN_AREA_CODES = new Set(
  (
    "204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 " +
    "506 514 519 548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 " +
    "902 905 942"
  ).split(" "),
);

/**
 * +1 area codes whose whole area keeps one time zone, for the big US and Canadian zones. Codes that straddle a zone
 * line (Florida's 850, Idaho's 208, Oregon's 541, Tennessee's 423, Michigan's 906, Ontario's 807, the territories'
 * 867 and the like) are left out on purpose: for those only the country is known.
 */
const AREA_CODE_ZONES: Record<string, string> = Object.fromEntries(
  Object.entries({
    "America/New_York":
      "212 332 646 917 718 347 929 516 631 914 585 716 518 315 607 201 551 973 862 908 732 848 609 856 215 267 445 " +
      "610 484 412 878 717 617 857 781 339 508 774 978 351 413 203 475 860 202 301 240 410 443 703 571 804 757 704 " +
      "980 919 984 336 803 843 864 404 470 678 770 706 762 912 305 786 954 754 561 407 689 321 813 656 727 904 239 " +
      "941 216 614 513 330 419 440 937 313 248 734 586 616 517 810 269",
    "America/Chicago":
      "312 773 872 630 331 847 224 708 815 214 469 972 945 713 281 832 346 210 726 512 737 817 682 956 612 651 763 " +
      "952 414 262 608 314 816 636 504 225 405 918 615 629 901 205 256 334 515 319 316 913 402 501",
    "America/Denver": "303 720 719 970 801 385 435 505 575 406 307 915",
    "America/Phoenix": "602 480 623 520 928",
    "America/Los_Angeles":
      "213 323 310 424 818 747 626 562 714 657 949 909 951 619 858 760 442 415 628 510 341 408 669 650 925 916 279 " +
      "559 661 707 805 831 209 530 206 253 425 360 564 509 503 971 702 725 775",
    "America/Anchorage": "907",
    "Pacific/Honolulu": "808",
    "America/Vancouver": "236 250 257 604 672 778",
    "America/Edmonton": "368 403 587 780 825",
    "America/Regina": "306 474 639",
    "America/Winnipeg": "204 431 584",
    "America/Toronto":
      "226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 905 942 263 354 367 418 438 450 468 514 579 " +
      "581 819 873",
    "America/Halifax": "428 506 782 902",
    "America/St_Johns": "709 879",
  }).flatMap(([zone, codes]) => codes.split(" ").map((code) => [code, zone] as const)),
);

export type PhoneCountry = {
  /** "+49" */
  callingCode: string;
  /** ISO 3166 countries the number may belong to, most likely first. */
  countries: string[];
  /** For +1 numbers, the three-digit area code. */
  areaCode?: string;
  /** For +1 numbers whose area code keeps one time zone: that zone. */
  areaZone?: string;
};

/**
 * The country calling code of an international phone number ("+49 30 1234567", "0049 30…", "+1 (212) 555-0100"), or
 * null when the number has no international prefix or an unassigned code. Spaces, dots, dashes, slashes and brackets
 * are ignored; "(0)" after the code is the national trunk prefix and ignored too.
 */
export function phoneCountry(phone: string): PhoneCountry | null {
  const trimmed = phone.trim().replace(/\(0\)/g, "");
  const international = /^(\+|00)/.exec(trimmed);
  if (!international) return null;
  const digits = trimmed.slice(international[0].length).replace(/[\s.\-/()]/g, "");
  if (!/^\d{4,15}$/.test(digits)) return null;
  for (const length of [1, 2, 3]) {
    const code = digits.slice(0, length);
    const countries = TABLE[code];
    if (!countries) continue;
    const rest = digits.slice(length);
    if (code === "1") return northAmerican(rest);
    if (code === "7") {
      return { callingCode: "+7", countries: KAZAKHSTAN_PREFIXES.includes(rest[0]!) ? ["KZ"] : ["RU"] };
    }
    return { callingCode: `+${code}`, countries };
  }
  return null;
}

function northAmerican(national: string): PhoneCountry {
  const areaCode = national.slice(0, 3);
  const base = { callingCode: "+1", areaCode };
  const other = NANP_COUNTRIES[areaCode];
  if (other) return { ...base, countries: [other] };
  const areaZone = AREA_CODE_ZONES[areaCode];
  const countries = CANADIAN_AREA_CODES.has(areaCode) ? ["CA"] : ["US"];
  return areaZone ? { ...base, countries, areaZone } : { ...base, countries };
}
