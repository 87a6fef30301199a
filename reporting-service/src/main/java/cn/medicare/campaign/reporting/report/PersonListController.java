package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.ListsIssued;
import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Friday lists (API.md additions): paid, unpaid, certified-not-enrolled, newborns-not-enrolled,
 * per unit, with names and phones in full for the unit's own township and the bureau (they chase
 * these people), the people of their own categories for civil affairs and rural revitalisation,
 * nobody else. JSON, CSV or an Excel workbook in the county's form layout.
 */
@RestController
class PersonListController {

    private static final Logger log = LoggerFactory.getLogger(PersonListController.class);

    /** @param unitName the school's or the village's name where the unit is one; else absent */
    record Listing(String region, int coverageYear, String list, String unit, String unitName, Instant asOf, boolean contactsInFull,
            List<Person> people) {
    }

    /**
     * @param school the school a pupil enrolled through, by name; null for everyone else
     * @param schoolClass the pupil's class there (附件4's 班级), a head teacher's way to chase them; null where unknown
     * @param name in full where this service can open the contact, else masked
     * @param phone null where the roster has none (or this service cannot open it)
     * @param assistanceCategories the person's assisted category; on the certified list every category they are certified in
     * @param payBy 缴费截止日, on the lists of people not settled: the last day a payment still starts coverage within the year,
     *     where the start waits for the payment (a late enrolment's waiting period), else null
     * @param payByPassed true when that day has passed as of the list: paying now covers nobody this year (it is owed back)
     */
    record Person(String personId, String township, String townshipName, String village, String school, String schoolClass,
            String name, String idNumberMasked,
            String phone, List<AssistanceCategory> assistanceCategories, BigDecimal payableAmount, BigDecimal paidAmount,
            BigDecimal outstanding, LocalDate payBy, boolean payByPassed) {
    }

    /** The agencies the contract names: they chase the people of their own categories. */
    private static final List<Agency> CHASING_AGENCIES = List.of(Agency.CIVIL_AFFAIRS, Agency.RURAL_REVITALIZATION);
    /** A township's 9 digits or a village's 12; else a school's code as the targets give it (up to 32 characters). */
    private static final Pattern PLACE = Pattern.compile("[0-9]{9}|[0-9]{12}");
    private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z_-]{1,32}");

    record IssueRequest(String region, Integer coverageYear) {
    }

    private final PersonListStore store;
    private final IssuedListStore issuedLists;
    private final ListIssueService issues;
    private final ParticipationStore campaigns;
    private final ContactKeysConfiguration.Contacts contacts;
    private final Clock clock;

    PersonListController(PersonListStore store, IssuedListStore issuedLists, ListIssueService issues, ParticipationStore campaigns,
            ContactKeysConfiguration.Contacts contacts, Clock clock) {
        this.store = store;
        this.issues = issues;
        this.issuedLists = issuedLists;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * The Friday issues of a campaign, newest first: each list's issue id, when, and how many people; for the agencies
     * that receive the lists, not for the others (API.md: "nobody else").
     */
    @GetMapping("/api/v1/lists")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP','AGENCY')")
    @Transactional(readOnly = true)
    List<IssuedListStore.Issue> issues(Caller caller, @RequestParam String region, @RequestParam int coverageYear) {
        if (caller.is(Role.AGENCY)) {
            entitled(caller, null);
        }
        return issuedLists.issues(region, coverageYear);
    }

    /**
     * Issues the lists now, as the Friday schedule does (a Friday missed, or a list wanted before a
     * deadline): kept and announced the same way; one such issue per campaign and business day, apart
     * from the schedule's.
     */
    @PostMapping(value = "/api/v1/lists", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    ResponseEntity<ListsIssued> issue(@RequestBody IssueRequest request) {
        List<InputError> errors = RequestValues.campaignKeyErrors(request.region(), request.coverageYear());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (campaigns.campaign(request.region(), request.coverageYear()).isEmpty()) {
            throw ApiException.notFound("该县（区）该年度尚无参保缴费工作方案 / no campaign for region " + request.region() + " and coverage year "
                    + request.coverageYear());
        }
        try {
            ListsIssued issued = issues.issue(request.region(), request.coverageYear(), false);
            return ResponseEntity.created(URI.create("/api/v1/lists?region=" + request.region() + "&coverageYear="
                    + request.coverageYear())).body(issued);
        } catch (DuplicateKeyException issuedToday) {
            throw ApiException.conflict("本周名单今天已下发 / the lists of " + request.region() + " " + request.coverageYear()
                    + " were issued today already: read them with GET /api/v1/lists");
        }
    }

    /** @param issued a Friday issue's id: the list as it was issued then, else as it stands now */
    @GetMapping("/api/v1/lists/{list}")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP','AGENCY')")
    @Transactional(readOnly = true)
    ResponseEntity<?> list(Caller caller, @PathVariable String list, @RequestParam String region, @RequestParam int coverageYear,
            @RequestParam(required = false) String unit, @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) UUID issued) {
        PersonList kind = PersonList.byPath(list).orElseThrow(() -> ApiException.notFound(
                "没有这种名单 / no such list: paid, unpaid, certified-not-enrolled or newborns-not-enrolled"));
        if (!region.matches("[0-9]{6}")) {
            throw ApiException.invalid("region", "行政区划代码为6位数字 / is a 6-digit region code");
        }
        if (unit != null && !UNIT.matcher(unit).matches()) {
            throw ApiException.invalid("unit", "单位代码为乡镇9位、村12位数字或学校代码 / is a township's 9-digit or a village's 12-digit code, "
                    + "or a school's code");
        }
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw ApiException.invalid("format", "格式为 json、csv 或 xlsx / is json, csv or xlsx");
        }
        if (caller.is(Role.AGENCY)) {
            // an agency that receives no lists learns nothing of the campaign's units
            entitled(caller, null);
        }
        var campaign = campaigns.campaign(region, coverageYear).orElseThrow(() -> ApiException.notFound(
                "该县（区）该年度尚无参保缴费工作方案 / no campaign for region " + region + " and coverage year " + coverageYear));
        // a school's code is whatever the targets gave it, 9 or 12 digits too: it is looked up before the code is read as a place
        ParticipationStore.School school = unit == null ? null : campaigns.school(region, coverageYear, unit).orElse(null);
        if (unit != null && school == null && !PLACE.matcher(unit).matches()) {
            // the code is not quoted: a school's code has the shape of anything typed there, an ID number too
            throw ApiException.invalid("unit", "任务分解表中没有这个学校代码 / no school of the campaign's units has this code");
        }
        if (school != null && school.parent() == null && caller.is(Role.TOWNSHIP)) {
            throw new AccessDeniedException(caller.clientId() + " may not read the lists of a school belonging to no township");
        }
        // a school's list is its township's (or the education system's) to read
        String township = unit == null ? null : school != null ? school.parent() : unit.substring(0, 9);
        List<String> categories = entitled(caller, township);
        if (school == null && township != null && !campaigns.isTownship(region, coverageYear, township)) {
            // an empty list would read as nobody left to chase
            throw ApiException.invalid("unit", "没有这个乡镇 / no township " + township + " among the campaign's targets");
        }
        String village = unit == null || school != null || unit.length() == 9 ? null : campaigns.unitName(region, coverageYear, unit).orElseThrow(() ->
                ApiException.invalid("unit", "没有这个村（社区） / no village " + unit + " among the campaign's units"));
        Instant asOf;
        List<PersonListStore.Listed> rows;
        if (issued == null) {
            asOf = clock.instant();
            rows = school != null
                    ? store.people(kind, region, coverageYear, null, null, school.name(), categories, BusinessTime.today(clock))
                    : store.people(kind, region, coverageYear, township, village, null, categories, BusinessTime.today(clock));
        } else {
            IssuedListStore.Kept kept = issuedLists.find(issued, kind, region, coverageYear).orElseThrow(() -> ApiException.notFound(
                    "没有这一期名单 / no " + kind.path + " list of issue " + issued + " for " + region + " " + coverageYear));
            asOf = kept.issuedAt();
            if (school != null && !kept.keepsSchools()) {
                throw ApiException.invalid("issued", "该期名单印发时尚未记录学校，请查询当前名单 / this issue was kept before the lists "
                        + "named schools: ask for the list as it stands now");
            }
            // as the live list: a township's by the unit people count in, a village's by where they live, a school's by its name
            rows = kept.people().stream().filter(row -> school != null ? school.name().equals(row.school()) : township == null
                            || township.equals(village == null ? row.township() : row.villageTownship()))
                    // a pupil under the education system (their unit not the township they live in) is in no village's
                    .filter(row -> village == null || village.equals(row.village()) && Objects.equals(row.township(), row.villageTownship()))
                    .filter(row -> categories == null || heldBy(row).stream().anyMatch(categories::contains))
                    .toList();
        }
        LocalDate listedOn = asOf.atZone(BusinessTime.ZONE).toLocalDate();
        List<Contact> opened = rows.stream().map(this::contactOf).toList();
        long unopened = IntStream.range(0, rows.size())
                .filter(i -> (rows.get(i).contactSealed() != null || rows.get(i).listedContactSealed() != null) && opened.get(i) == null).count();
        if (unopened > 0 && contacts.opener().isPresent()) {
            // a key id retired from the ring, or damage: the operators' to mend, without a word of the contacts themselves
            log.warn("{} contacts of the {} list of {} {} could not be opened (key ring {}): those people are shown masked", unopened,
                    kind.path, region, coverageYear, contacts.opener().get().keyIds());
        }
        List<Person> people = IntStream.range(0, rows.size()).mapToObj(i -> person(rows.get(i), opened.get(i), categories,
                kind == PersonList.PAID ? null : rows.get(i).payBy(), listedOn)).toList();
        Listing listing = new Listing(region, coverageYear, kind.path, unit, school != null ? school.name() : village, asOf,
                contacts.opener().isPresent() && unopened == 0, people);
        return switch (format) {
            case "csv" -> file(PersonListRendering.csv(listing), "text/csv;charset=UTF-8", kind, region, coverageYear, unit, "csv");
            case "xlsx" -> file(PersonListRendering.xlsx(listing, kind, campaign.regionName()),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kind, region, coverageYear, unit, "xlsx");
            default -> ResponseEntity.ok(listing);
        };
    }

    /**
     * The bureau sees everyone; a township its own township, which it must name; civil affairs and
     * rural revitalisation the people of the categories they certify; nobody else.
     *
     * @return the categories the caller may see, or null for every person
     */
    private static List<String> entitled(Caller caller, String township) {
        if (caller.is(Role.AGENCY)) {
            if (!CHASING_AGENCIES.contains(caller.agency())) {
                throw new AccessDeniedException(caller.clientId() + " does not receive the Friday lists");
            }
            return Arrays.stream(AssistanceCategory.values()).filter(category -> category.agency() == caller.agency())
                    .map(Enum::name).toList();
        }
        if (caller.is(Role.TOWNSHIP) && township == null) {
            throw ApiException.invalid("unit", "乡镇只能查看本乡镇的名单，请填写本乡镇代码 / a township reads its own lists: give its code");
        }
        if (township != null) {
            caller.requireMayActIn(township);
        }
        return null;
    }

    /** The categories a person held when listed, and the one their subsidy was applied for. */
    private static List<String> heldBy(PersonListStore.Listed row) {
        return Stream.of(row.heldCategories(), row.assistanceCategories()).filter(Objects::nonNull)
                .flatMap(categories -> Arrays.stream(categories.split(","))).distinct().sorted().toList();
    }

    /**
     * The person's name and phone, where sealed for this service and it can open them; else null. Where the roster knows no
     * phone (or nobody), the phone an agency's list gave, without a name: the roster's name stays.
     */
    private Contact contactOf(PersonListStore.Listed listed) {
        Contact roster = open(listed.contactSealed());
        if (roster != null && roster.phone() != null || listed.listedContactSealed() == null) {
            return roster;
        }
        Contact listedPhone = open(listed.listedContactSealed());
        return listedPhone == null ? roster : new Contact(roster == null ? "" : roster.name(), listedPhone.phone());
    }

    private Contact open(String sealed) {
        return sealed == null ? null : contacts.opener().flatMap(opener -> opener.open(sealed)).orElse(null);
    }

    /**
     * @param contact null to show the person masked
     * @param agencyCategories an agency's categories, which are all it is shown of the person's; null for everyone else
     */
    private Person person(PersonListStore.Listed listed, Contact contact, List<String> agencyCategories, LocalDate payBy,
            LocalDate listedOn) {
        List<String> shown = agencyCategories != null ? heldBy(listed).stream().filter(agencyCategories::contains).toList()
                : listed.assistanceCategories() == null ? List.of() : Arrays.asList(listed.assistanceCategories().split(","));
        List<AssistanceCategory> categories = shown.stream().map(AssistanceCategory::valueOf).toList();
        return new Person(listed.personId(), listed.township(), listed.townshipName(), listed.village(), listed.school(),
                listed.schoolClass(),
                contact != null && !contact.name().isEmpty() ? contact.name() : listed.nameMasked(), listed.idNumberMasked(),
                contact == null ? null : contact.phone(),
                categories, listed.payableAmount(), listed.paidAmount(), listed.outstanding(), payBy, Definitions.payByPassed(payBy, listedOn));
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, PersonList kind, String region, int coverageYear, String unit,
            String extension) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header("Content-Disposition", "attachment; filename=\"" + kind.path + "-" + region + "-" + coverageYear
                        + (unit == null ? "" : "-" + unit) + "." + extension + "\"")
                .body(body);
    }
}
